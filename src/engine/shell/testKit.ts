/**
 * A shell on a fake host for tests (and quick experiments): an in-memory fs, a virtual clock
 * that a Wait simply advances, and a log of the stub commands that ran.
 */
import { runWithDeadline } from './driver';
import { createMemoryFs } from './memoryFs';
import type { MemoryFs, MemoryFsInit } from './memoryFs';
import { createShell } from './shell';
import type { Shell } from './shell';
import type { CommandImpl, Wait } from './types';

export interface RunOutput {
  status: number;
  out: string;
  err: string;
  /** Virtual µs the command took. */
  tookUs: number;
  interrupted: boolean;
  exited: boolean;
  steps: number;
}

export interface TestShell {
  shell: Shell;
  fs: MemoryFs;
  /** Virtual time in µs. */
  clock: { now: number };
  /** argv of every stub command run, in order. */
  calls: string[][];
  run(source: string, opts?: { deadlineUs?: number; maxSteps?: number; stdin?: string }): RunOutput;
}

/** A stub program that records its argv and prints `out` (if given). */
export function stub(calls: string[][], out = ''): CommandImpl {
  // eslint-disable-next-line require-yield
  return function* (ctx) {
    calls.push([...ctx.argv]);
    if (out !== '') ctx.out(out);
    return 0;
  };
}

export function createTestShell(
  opts: {
    hostname?: string;
    fs?: MemoryFsInit;
    commands?: (calls: string[][]) => Record<string, CommandImpl>;
    cwd?: string;
  } = {},
): TestShell {
  const fs = createMemoryFs(opts.fs ?? {});
  const clock = { now: 0 };
  const calls: string[][] = [];
  const commands = new Map(Object.entries(opts.commands?.(calls) ?? {}));
  const shell = createShell(
    { hostname: opts.hostname ?? 'rs1', now: () => clock.now, commands },
    fs,
    opts.cwd ? { cwd: opts.cwd } : {},
  );
  const advance = (w: Wait): void => {
    if (w.kind === 'sleep') clock.now += w.us;
    else if (!w.done()) clock.now = Math.max(clock.now, w.deadlineUs ?? clock.now);
  };
  return {
    shell,
    fs,
    clock,
    calls,
    run(source, o = {}) {
      let out = '';
      let err = '';
      const start = clock.now;
      const r = runWithDeadline(
        (interrupted) =>
          shell.run(
            source,
            { out: (s) => (out += s), err: (s) => (err += s), stdin: o.stdin ?? '' },
            interrupted,
          ),
        advance,
        {
          now: () => clock.now,
          deadlineUs: start + (o.deadlineUs ?? 60_000_000),
          maxSteps: o.maxSteps ?? 100_000,
        },
      );
      return {
        status: r.result.status,
        out,
        err,
        tookUs: clock.now - start,
        interrupted: r.result.interrupted,
        exited: r.result.exited,
        steps: r.steps,
      };
    },
  };
}

/* eslint-disable require-yield -- the programs here end without waiting: generators that never yield */
import { describe, expect, it } from 'vitest';
import { runWithDeadline } from './driver';
import { createMemoryFs } from './memoryFs';
import { createShell } from './shell';
import type { CommandContext, CommandImpl } from './types';

/** One line through a bare shell whose host has the program `prog`; what it printed. */
function runProg(prog: CommandImpl, line = 'prog') {
  let now = 0;
  const shell = createShell(
    { hostname: 'h', now: () => now, commands: new Map([['prog', prog]]) },
    createMemoryFs(),
  );
  let out = '';
  let err = '';
  const r = runWithDeadline(
    (i) => shell.run(line, { out: (s) => (out += s), err: (s) => (err += s) }, i),
    (w) => {
      if (w.kind === 'sleep') now += w.us;
      else if (!w.done()) now = Math.max(now, w.deadlineUs ?? now);
    },
    { now: () => now, deadlineUs: 10_000_000, maxSteps: 10_000 },
  );
  return { status: r.result.status, out, err, now };
}

describe("a program's sinks (made when first asked for)", () => {
  it('are the same function each time asked, work detached, and go to their own streams', () => {
    let ctx: CommandContext | undefined;
    const r = runProg(function* (c) {
      ctx = c;
      expect(c.out).toBe(c.out);
      expect(c.err).toBe(c.err);
      expect(c.readChunk).toBe(c.readChunk);
      const { out, err } = c;
      out('one\n');
      err('two\n');
      c.out('three\n');
      return 0;
    });
    expect(r).toMatchObject({ status: 0, out: 'one\nthree\n', err: 'two\n' });
    expect(ctx?.argv).toEqual(['prog']);
  });

  it('charge the CPU time of what is written whichever is asked for first', () => {
    const quiet = runProg(function* () {
      return 0;
    });
    const big = 'x'.repeat(200_000);
    const loudErr = runProg(function* (c) {
      c.err(big);
      return 0;
    });
    const loudOut = runProg(function* (c) {
      c.out(big);
      return 0;
    });
    expect(loudErr.now).toBeGreaterThan(quiet.now);
    expect(loudOut.now).toBe(loudErr.now);
  });

  it('a program that never asks for a sink still ends, and its context reads its stdin', () => {
    let stdin = '';
    const r = runProg(function* (c) {
      stdin = c.stdin;
      return 3;
    }, 'echo hi | prog');
    expect(r.status).toBe(3);
    expect(stdin).toBe('hi\n');
  });
});

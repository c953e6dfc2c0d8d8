/** What the interpreter's functions share while running: the host, fs, state and I/O. */
import { chargeNs, dueUs } from './cpu';
import type { CpuAccount } from './cpu';
import { InterruptSignal } from './errors';
import type { JobTable } from './jobs/jobTable';
import type { ShellState } from './state';
import type { CommandImpl, ShellFs, ShellHost, Wait } from './types';

export type Gen<T> = Generator<Wait, T, void>;
export type Sink = (s: string) => void;

/** Standard input: text and a read position (`read` consumes lines; other commands see the rest). */
export interface Input {
  text: string;
  pos: number;
}

export function input(text: string): Input {
  return { text, pos: 0 };
}

/** The three standard file descriptors of a command. */
export interface Io {
  stdin: Input;
  out: Sink;
  err: Sink;
}

/** A bash builtin: runs inside the shell and may change its state. */
export type Builtin = (rt: Runtime, argv: string[], io: Io) => Gen<number>;

/** Functions, sourced files and substitutions nested deeper than this fail. */
export const MAX_DEPTH = 200;

export interface Runtime {
  readonly host: ShellHost;
  readonly fs: ShellFs;
  readonly state: ShellState;
  readonly interrupted: () => boolean;
  /** Shared by every subshell of a run. */
  readonly sched: { subStatus: number | undefined; nextPid: number; cpu: CpuAccount };
  readonly builtins: ReadonlyMap<string, Builtin>;
  /** Programs every host has (cat, seq, sleep ...); host.commands take precedence. */
  readonly utilities: ReadonlyMap<string, CommandImpl>;
  /**
   * Parse and run source text in `rt.state`, command line by command line. `context` names
   * where the text came from in syntax error messages (`command substitution` for backquotes).
   */
  readonly exec: (rt: Runtime, source: string, io: Io, baseLine?: number, context?: string) => Gen<number>;
  /** The terminal's output (for `exit` and /dev/tty). */
  readonly tty: Io;
  /** Background jobs (`cmd &`), kept across command lines. */
  readonly jobs: JobTable;
}

export function withState(rt: Runtime, state: ShellState): Runtime {
  return { ...rt, state };
}

/** `bash: ` interactively, `FILE: line N: ` in a script, `bash: line N: ` for `bash -c` and stdin scripts. */
export function errPrefix(state: ShellState, line = state.line): string {
  const mode = state.mode;
  if (mode.kind === 'script') return `${mode.name}: line ${line}: `;
  if (mode.kind === 'command') return `bash: line ${line}: `;
  return 'bash: ';
}

/** Print a shell error (`bash: NAME: message`). */
export function shellError(rt: Runtime, io: Io, message: string): void {
  io.err(errPrefix(rt.state) + message + '\n');
}

export function checkInterrupt(rt: Runtime): void {
  if (rt.interrupted()) throw new InterruptSignal();
}

/** Charge virtual CPU time for work the shell does (cpu.ts). */
export function charge(rt: Runtime, ns: number): void {
  chargeNs(rt.sched.cpu, ns);
}

/** Let the charged CPU time pass on the clock: once a quantum is due, or (`force`) any whole µs. */
function* passCpu(rt: Runtime, force: boolean): Gen<void> {
  const us = dueUs(rt.sched.cpu, force);
  if (us === 0) return;
  yield { kind: 'sleep', us };
  checkInterrupt(rt);
}

/**
 * Once per simple command and loop pass: unwind at once if Ctrl-C was pressed, and hand the
 * driver the CPU time charged so far once it reaches a quantum, so a busy loop (or a fork bomb)
 * lets virtual time run and can be stopped by --max-time or Ctrl-C.
 */
export function* useCpu(rt: Runtime, force = false): Gen<void> {
  checkInterrupt(rt);
  // passCpu's body, not a `yield*` of it: one generator per simple command instead of two.
  const us = dueUs(rt.sched.cpu, force);
  if (us === 0) return;
  yield { kind: 'sleep', us };
  checkInterrupt(rt);
}

/** Hand a Wait to the driver (after the CPU time charged before it), then unwind if Ctrl-C came meanwhile. */
export function* wait(rt: Runtime, w: Wait): Gen<void> {
  yield* passCpu(rt, true);
  yield w;
  checkInterrupt(rt);
}

/**
 * Run a command's generator, passing its Waits out (each after the CPU time charged before it).
 * After each Wait, a Ctrl-C stops the command (its `finally` blocks run) and unwinds the shell.
 */
export function* drive(rt: Runtime, gen: Generator<Wait, number, void>): Gen<number> {
  let r = gen.next();
  while (!r.done) {
    const us = dueUs(rt.sched.cpu, true);
    if (us > 0) yield { kind: 'sleep', us };
    if (!rt.interrupted()) {
      yield r.value;
    }
    if (rt.interrupted()) {
      gen.return(130);
      throw new InterruptSignal();
    }
    r = gen.next();
  }
  return r.value;
}

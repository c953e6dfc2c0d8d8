/** What the interpreter's functions share while running: the host, fs, state and I/O. */
import { InterruptSignal } from './errors';
import type { ShellState } from './state';
import type { CommandImpl, ShellFs, ShellHost, Wait } from './types';

export type Gen<T> = Generator<Wait, T, void>;
export type Sink = (s: string) => void;

/** The three standard file descriptors of a command. */
export interface Io {
  stdin: string;
  out: Sink;
  err: Sink;
}

/** A bash builtin: runs inside the shell and may change its state. */
export type Builtin = (rt: Runtime, argv: string[], io: Io) => Gen<number>;

/** Loops run this many iterations without a Wait before giving the driver a turn. */
export const SPIN_LIMIT = 1000;
/** Functions, sourced files and substitutions nested deeper than this fail. */
export const MAX_DEPTH = 200;

export interface Runtime {
  readonly host: ShellHost;
  readonly fs: ShellFs;
  readonly state: ShellState;
  readonly interrupted: () => boolean;
  /** Shared by every subshell of a run. */
  readonly sched: { spin: number; subStatus: number | undefined };
  readonly builtins: ReadonlyMap<string, Builtin>;
  /** Programs every host has (cat, seq, sleep ...); host.commands take precedence. */
  readonly utilities: ReadonlyMap<string, CommandImpl>;
  /** Parse and run source text in `rt.state`, command line by command line. */
  readonly exec: (rt: Runtime, source: string, io: Io, baseLine?: number) => Gen<number>;
  /** The terminal's output (for `exit` and /dev/tty). */
  readonly tty: Io;
}

export function withState(rt: Runtime, state: ShellState): Runtime {
  return { ...rt, state };
}

/** `bash: ` interactively, `FILE: line N: ` in a script, `bash: line N: ` for `bash -c`. */
export function errPrefix(state: ShellState, line = state.line): string {
  const mode = state.mode;
  if (mode.kind === 'script') return `${mode.name}: line ${line}: `;
  if (mode.kind === 'command' && line > 1) return `bash: line ${line}: `;
  return 'bash: ';
}

/** Print a shell error (`bash: NAME: message`). */
export function shellError(rt: Runtime, io: Io, message: string): void {
  io.err(errPrefix(rt.state) + message + '\n');
}

export function checkInterrupt(rt: Runtime): void {
  if (rt.interrupted()) throw new InterruptSignal();
}

/** Hand a Wait to the driver, then unwind if Ctrl-C came meanwhile. */
export function* wait(rt: Runtime, w: Wait): Gen<void> {
  yield w;
  rt.sched.spin = 0;
  checkInterrupt(rt);
}

/** Once per loop iteration: every SPIN_LIMIT iterations without a Wait, give the driver a turn. */
export function* tick(rt: Runtime): Gen<void> {
  checkInterrupt(rt);
  if (++rt.sched.spin >= SPIN_LIMIT) yield* wait(rt, { kind: 'sleep', us: 0 });
}

/**
 * Run a command's generator, passing its Waits out. After each Wait, a Ctrl-C stops the command
 * (its `finally` blocks run) and unwinds the shell.
 */
export function* drive(rt: Runtime, gen: Generator<Wait, number, void>): Gen<number> {
  let r = gen.next();
  while (!r.done) {
    yield r.value;
    rt.sched.spin = 0;
    if (rt.interrupted()) {
      gen.return(130);
      throw new InterruptSignal();
    }
    r = gen.next();
  }
  return r.value;
}

/** Building the CommandContext a program runs with, and running a program. */
import { InterruptSignal, ExitSignal, LoopSignal, ReturnSignal } from './errors';
import { programPath } from './builtins/typeCmd';
import { isResourceError, OutOfMemory, SEGFAULT } from './limits';
import { BrokenPipe, isPipe, readChunk, writerDone } from './pipe';
import type { Pipe } from './pipe';
import type { Wait } from './types';
import { charge, checkInterrupt, drive } from './runtime';
import { dueUs } from './cpu';
import { notifyJobs } from './jobs/jobBuiltins';
import type { Builtin, Gen, Io, Runtime } from './runtime';
import { exportedEnv } from './state';
import type { CommandContext, CommandImpl } from './types';

export function commandContext(
  rt: Runtime,
  argv: string[],
  io: Io,
  env: ReadonlyMap<string, string>,
): CommandContext {
  return new ProgramContext(rt, argv, io, env);
}

/**
 * What a program runs with. A class, made once per program run: an object literal with a getter
 * defines its accessor at run time each time it is made, and tsx (esbuild keepNames) renames
 * each arrow bound to a key with a defineProperty call. The sinks are functions of their own (a
 * program hands `ctx.out` on detached), made when first asked for and kept: most programs write
 * to one stream and read no input (curl's reply goes to stdout only), and each sink was a closure
 * and its context per run.
 */
class ProgramContext implements CommandContext {
  readonly fs: CommandContext['fs'];
  readonly host: CommandContext['host'];
  readonly cwd: string;
  readonly interrupted: () => boolean;
  /** The program has read or written: from then on it is running, not waiting to start. */
  private acted = false;
  private readonly input: Io['stdin'];
  private readerFn: (() => Generator<Wait, string | undefined, void>) | undefined = undefined;
  private outFn: ((s: string) => void) | undefined = undefined;
  private errFn: ((s: string) => void) | undefined = undefined;

  constructor(
    private readonly rt: Runtime,
    readonly argv: string[],
    private readonly io: Io,
    readonly env: ReadonlyMap<string, string>,
  ) {
    this.input = io.stdin;
    this.fs = rt.fs;
    this.host = rt.host;
    this.cwd = rt.state.cwd;
    this.interrupted = rt.interrupted;
  }

  // Made by other functions than these, which store them (docs/architecture.md, "Closures and
  // young-generation GC"), and returned unnamed: an arrow under a name (a key in a literal, a
  // const) costs, under tsx (esbuild keepNames), a defineProperty per program run.
  get readChunk(): () => Generator<Wait, string | undefined, void> {
    return (this.readerFn ??= ProgramContext.reader(this, this.input));
  }

  get out(): (s: string) => void {
    return (this.outFn ??= ProgramContext.outSink(
      this,
      this.rt,
      this.io,
      this.rt.sched.cpu.costs.outputNsPerByte,
    ));
  }

  get err(): (s: string) => void {
    return (this.errFn ??= ProgramContext.errSink(
      this,
      this.rt,
      this.io,
      this.rt.sched.cpu.costs.outputNsPerByte,
    ));
  }

  private static reader(
    ctx: ProgramContext,
    input: Io['stdin'],
  ): () => Generator<Wait, string | undefined, void> {
    return () => {
      ctx.acted = true;
      return readChunk(input);
    };
  }

  private static outSink(ctx: ProgramContext, rt: Runtime, io: Io, perByte: number): (s: string) => void {
    return (s) => {
      ctx.acted = true;
      charge(rt, s.length * perByte);
      io.out(s);
    };
  }

  private static errSink(ctx: ProgramContext, rt: Runtime, io: Io, perByte: number): (s: string) => void {
    return (s) => {
      ctx.acted = true;
      charge(rt, s.length * perByte);
      io.err(s);
    };
  }

  // From a pipe whose writer still runs, the whole input is not there yet: a program that
  // asks for it before doing anything else is started again once the writer has ended.
  get stdin(): string {
    const input = this.input;
    if (isPipe(input)) {
      if (input.open && !this.acted) throw new NeedsWholeInput(input);
      if (input.overflow) throw new OutOfMemory(input.text.length);
    }
    return input.text.slice(input.pos);
  }
}

/** A program asked for all of its input while the pipe's writer still runs. */
class NeedsWholeInput {
  constructor(readonly pipe: Pipe) {}
}

function* waitFor(w: Wait): Generator<Wait, number, void> {
  yield w;
  return 0;
}

/** Linux's execve limits: 128 KiB per string (MAX_ARG_STRLEN), 2 MiB in all (a quarter of the 8 MiB stack). */
const MAX_ARG_STRLEN = 128 * 1024;
const ARG_MAX = 2 * 1024 * 1024;

function tooBigForExec(argv: readonly string[], env: ReadonlyMap<string, string>): boolean {
  let total = envBytes(env);
  if (total < 0) return true;
  for (const a of argv) {
    if (a.length + 1 > MAX_ARG_STRLEN) return true;
    total += a.length + 1 + 8;
  }
  return total > ARG_MAX;
}

/**
 * Bytes an environment takes on exec's stack, or -1 if one string is longer than MAX_ARG_STRLEN.
 * By environment: one is handed to program after program unchanged (exportedEnv's memo), and
 * none is changed once handed out.
 */
const envSizes = new WeakMap<ReadonlyMap<string, string>, number>();
function envBytes(env: ReadonlyMap<string, string>): number {
  let total = envSizes.get(env);
  if (total !== undefined) return total;
  total = 0;
  for (const [k, v] of env) {
    if (k.length + v.length + 2 > MAX_ARG_STRLEN) {
      total = -1;
      break;
    }
    total += k.length + v.length + 2 + 8;
  }
  envSizes.set(env, total);
  return total;
}

function isSignal(e: unknown): boolean {
  return (
    e instanceof BrokenPipe ||
    e instanceof InterruptSignal ||
    e instanceof ExitSignal ||
    e instanceof ReturnSignal ||
    e instanceof LoopSignal
  );
}

/**
 * Run a program (`external`: as its own process, which costs a fork and exec first). A program
 * that throws (a bug in it) fails with status 1 and a message rather than taking the shell down.
 * `notify`: then report the background jobs that finished, as bash does once it has waited for a
 * program of its own (not when the run unwinds).
 */
export function* runProgram(
  rt: Runtime,
  impl: CommandImpl,
  argv: string[],
  io: Io,
  env: ReadonlyMap<string, string>,
  external = true,
  notify = false,
): Gen<number> {
  let status: number;
  if (external) {
    charge(rt, rt.sched.cpu.costs.processStartNs);
    // useCpu's body (forced), not a `yield*` of it: no generator per program for it.
    checkInterrupt(rt);
    const due = dueUs(rt.sched.cpu, true);
    if (due > 0) {
      yield { kind: 'sleep', us: due };
      checkInterrupt(rt);
    }
  }
  if (external && tooBigForExec(argv, env)) {
    io.err(`bash: ${programPath(argv[0] ?? '')}: Argument list too long\n`);
    status = 126;
  } else {
    try {
      run: for (;;) {
        try {
          const gen = impl(commandContext(rt, argv, io, env));
          // drive(rt, gen) written out: one generator fewer per program.
          let r = gen.next();
          while (!r.done) {
            const us = dueUs(rt.sched.cpu, true);
            if (us > 0) yield { kind: 'sleep', us };
            if (!rt.interrupted()) yield r.value;
            if (rt.interrupted()) {
              gen.return(130);
              throw new InterruptSignal();
            }
            r = gen.next();
          }
          status = r.value;
          break run;
        } catch (e) {
          if (!(e instanceof NeedsWholeInput)) throw e;
          yield* drive(rt, waitFor(writerDone(e.pipe)));
        }
      }
    } catch (e) {
      if (isSignal(e)) throw e;
      // A program that ran out of memory says so as coreutils' xalloc_die does; any other failure
      // is a crash, reported as bash reports a program killed by SIGSEGV.
      if (isResourceError(e) || e instanceof OutOfMemory) {
        io.err(`${argv[0] ?? ''}: memory exhausted\n`);
        status = 1;
      } else {
        io.err(SEGFAULT.message);
        status = SEGFAULT.status;
      }
    }
  }
  if (notify) notifyJobs(rt);
  return status;
}

/** A program that bash has as a builtin (echo, printf, true ...) as a Builtin. */
export function asBuiltin(impl: CommandImpl): Builtin {
  return (rt, argv, io) => runProgram(rt, impl, argv, io, exportedEnv(rt.state), false);
}

/** Building the CommandContext a program runs with, and running a program. */
import { InterruptSignal, ExitSignal, LoopSignal, ReturnSignal } from './errors';
import { charge, drive, useCpu } from './runtime';
import type { Builtin, Gen, Io, Runtime } from './runtime';
import { exportedEnv } from './state';
import type { CommandContext, CommandImpl } from './types';

export function commandContext(
  rt: Runtime,
  argv: string[],
  io: Io,
  env: ReadonlyMap<string, string>,
): CommandContext {
  const perByte = rt.sched.cpu.costs.outputNsPerByte;
  return {
    argv,
    stdin: io.stdin.text.slice(io.stdin.pos),
    out: (s) => {
      charge(rt, s.length * perByte);
      io.out(s);
    },
    err: (s) => {
      charge(rt, s.length * perByte);
      io.err(s);
    },
    env,
    fs: rt.fs,
    host: rt.host,
    cwd: rt.state.cwd,
    interrupted: rt.interrupted,
  };
}

function isSignal(e: unknown): boolean {
  return (
    e instanceof InterruptSignal ||
    e instanceof ExitSignal ||
    e instanceof ReturnSignal ||
    e instanceof LoopSignal
  );
}

/**
 * Run a program (`external`: as its own process, which costs a fork and exec first). A program
 * that throws (a bug in it) fails with status 1 and a message rather than taking the shell down.
 */
export function* runProgram(
  rt: Runtime,
  impl: CommandImpl,
  argv: string[],
  io: Io,
  env: ReadonlyMap<string, string>,
  external = true,
): Gen<number> {
  if (external) {
    charge(rt, rt.sched.cpu.costs.processStartNs);
    yield* useCpu(rt, true);
  }
  try {
    return yield* drive(rt, impl(commandContext(rt, argv, io, env)));
  } catch (e) {
    if (isSignal(e)) throw e;
    const message = e instanceof Error ? e.message : String(e);
    io.err(`${argv[0] ?? ''}: internal error: ${message}\n`);
    return 1;
  }
}

/** A program that bash has as a builtin (echo, printf, true ...) as a Builtin. */
export function asBuiltin(impl: CommandImpl): Builtin {
  return (rt, argv, io) => runProgram(rt, impl, argv, io, exportedEnv(rt.state), false);
}

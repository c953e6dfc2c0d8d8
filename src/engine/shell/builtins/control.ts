/** exit, return, break, continue, shift, `:`, true, false. */
import { ExitSignal, LoopSignal, ReturnSignal } from '../errors';
import { shellError } from '../runtime';
import type { Builtin, Gen, Io, Runtime } from '../runtime';

/* eslint-disable require-yield -- builtins share the generator signature */

/** Parse a status argument; undefined (after a message) when not numeric. */
function statusArg(rt: Runtime, io: Io, name: string, arg: string | undefined): number | undefined {
  if (arg === undefined) return rt.state.lastStatus;
  if (!/^[-+]?[0-9]+$/.test(arg.trim())) {
    shellError(rt, io, `${name}: ${arg}: numeric argument required`);
    return undefined;
  }
  return ((Number(arg) % 256) + 256) % 256;
}

export const exitBuiltin: Builtin = function* (rt, argv, io) {
  if (argv.length > 2) {
    shellError(rt, io, 'exit: too many arguments');
    return 1;
  }
  const status = statusArg(rt, io, 'exit', argv[1]);
  throw new ExitSignal(status ?? 2);
};

export const returnBuiltin: Builtin = function* (rt, argv, io) {
  if (rt.state.returnable === 0) {
    shellError(rt, io, "return: can only `return' from a function or sourced script");
    return 2;
  }
  const status = statusArg(rt, io, 'return', argv[1]);
  throw new ReturnSignal(status ?? 2);
};

function loopControl(kind: 'break' | 'continue'): Builtin {
  return (rt, argv, io) => loopControlRun(kind, rt, argv, io);
}

/** One generator for both builtins: each generator function has its own prototype (curl.ts). */
function* loopControlRun(kind: 'break' | 'continue', rt: Runtime, argv: string[], io: Io): Gen<number> {
  if (rt.state.loops === 0) {
    shellError(rt, io, `${kind}: only meaningful in a \`for', \`while', or \`until' loop`);
    return 0;
  }
  const arg = argv[1];
  let n = 1;
  if (arg !== undefined) {
    if (!/^[0-9]+$/.test(arg)) {
      shellError(rt, io, `${kind}: ${arg}: numeric argument required`);
      return 1;
    }
    n = Number(arg);
    if (n < 1) {
      shellError(rt, io, `${kind}: ${arg}: loop count out of range`);
      return 1;
    }
  }
  throw new LoopSignal(kind, Math.min(n, rt.state.loops));
}

export const breakBuiltin = loopControl('break');
export const continueBuiltin = loopControl('continue');

export const shiftBuiltin: Builtin = function* (rt, argv, io) {
  const arg = argv[1] ?? '1';
  if (!/^[0-9]+$/.test(arg)) {
    shellError(rt, io, `shift: ${arg}: numeric argument required`);
    return 1;
  }
  const n = Number(arg);
  if (n > rt.state.positional.length) return 1;
  rt.state.positional = rt.state.positional.slice(n);
  return 0;
};

export const colonBuiltin: Builtin = function* () {
  return 0;
};

export const falseBuiltin: Builtin = function* () {
  return 1;
};

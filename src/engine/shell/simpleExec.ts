/**
 * Running a simple command: expand, assign, redirect, then find the name among functions,
 * builtins, the host's programs, coreutils, or as a path (`./x.sh`, `/usr/sbin/ipvsadm`).
 */
import type { Assignment, FunctionDef, SimpleCommand, Word } from './ast';
import { runProgram } from './context';
import { expandFields, expandPattern, expandText, literalFields } from './expand';
import { applyRedirects, closeRedirects } from './redirect';
import type { OpenFile } from './redirect';
import { dueUs } from './cpu';
import { charge, checkInterrupt, shellError } from './runtime';
import type { Gen, Io, Runtime } from './runtime';
import { runPathCommand } from './scripts';
import { exportedEnv, setVar } from './state';
import type { Var } from './state';
import { shellQuote } from './quote';

export type CallFunction = (rt: Runtime, def: FunctionDef, argv: string[], io: Io) => Gen<number>;

interface Assigned {
  name: string;
  value: string;
}

function* expandAssigns(rt: Runtime, assigns: readonly Assignment[], io: Io): Gen<Assigned[]> {
  const out: Assigned[] = [];
  for (const a of assigns) {
    let value = yield* expandText(rt, a.value, io);
    if (a.append) value = (rt.state.vars.get(a.name)?.value ?? '') + value;
    out.push({ name: a.name, value });
  }
  return out;
}

/** `[[ ]]` words: no splitting; the right side of == != =~ as a pattern. */
function* expandDoubleBracket(rt: Runtime, words: readonly Word[], io: Io): Gen<string[]> {
  const out: string[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    const isPattern = prev === '==' || prev === '=' || prev === '!=' || prev === '=~';
    out.push(isPattern ? yield* expandPattern(rt, w, io) : yield* expandText(rt, w, io));
  }
  return out;
}

/** Copying the expanded words and values costs time in proportion to their size. */
function chargeExpansion(rt: Runtime, argv: readonly string[], assigns: readonly Assigned[]): void {
  // Indexed: `for…of` made an iterator per command (NO_ASSIGNS is frozen, off the fast path).
  let bytes = 0;
  for (let i = 0; i < argv.length; i++) bytes += argv[i]!.length;
  for (let i = 0; i < assigns.length; i++) bytes += assigns[i]!.value.length;
  charge(rt, bytes * rt.sched.cpu.costs.expandNsPerByte);
}

function xtrace(rt: Runtime, io: Io, assigns: readonly Assigned[], argv: readonly string[]): void {
  if (!rt.state.options.xtrace) return;
  const words = [...assigns.map((a) => `${a.name}=${shellQuote(a.value)}`), ...argv.map(shellQuote)];
  io.err(`+ ${words.join(' ')}\n`);
}

/** What a command without assignments assigns: shared, never changed. */
const NO_ASSIGNS: readonly Assigned[] = Object.freeze([]);
const NO_FILES: readonly OpenFile[] = Object.freeze([]);

export function* runSimple(rt: Runtime, cmd: SimpleCommand, io: Io, call: CallFunction): Gen<number> {
  charge(rt, rt.sched.cpu.costs.commandNs);
  // useCpu's body, not a `yield*` of it: no generator per simple command for it.
  checkInterrupt(rt);
  const due = dueUs(rt.sched.cpu);
  if (due > 0) {
    yield { kind: 'sleep', us: due };
    checkInterrupt(rt);
  }
  rt.state.line = cmd.line;
  rt.sched.subStatus = undefined;
  const argv = cmd.dbracket
    ? yield* expandDoubleBracket(rt, cmd.words, io)
    : (literalFields(cmd.words) ?? (yield* expandFields(rt, cmd.words, io)));
  const assigns = cmd.assigns.length === 0 ? NO_ASSIGNS : yield* expandAssigns(rt, cmd.assigns, io);
  chargeExpansion(rt, argv, assigns);
  xtrace(rt, io, assigns, argv);
  if (argv.length === 0) {
    for (const a of assigns) setVar(rt.state, a.name, a.value);
  }
  let runIo = io;
  let files = NO_FILES;
  if (cmd.redirects.length > 0) {
    const red = yield* applyRedirects(rt, cmd.redirects, io);
    if (!red) return 1;
    runIo = red.io;
    files = red.files;
  }
  // A bare `exec` keeps the descriptors 3 and up it opened.
  if (argv.length === 1 && argv[0] === 'exec')
    for (const f of files) if (f.net && f.net.fd > 2) f.net.keep = true;
  let status: number;
  try {
    status = argv.length === 0 ? (rt.sched.subStatus ?? 0) : yield* dispatch(rt, argv, assigns, runIo, call);
  } catch (e) {
    closeRedirects(rt, files, runIo, argv[0]);
    throw e;
  }
  const werr = files.length > 0 ? closeRedirects(rt, files, runIo, argv[0]) : 0;
  return werr !== 0 && status === 0 ? werr : status;
}

/**
 * The command found by its name, as the generator that runs it (not a generator itself: one
 * frame fewer per command). A program the shell waited for is followed by bash's report of the
 * background jobs that finished meanwhile (runProgram's `notify`).
 */
function dispatch(
  rt: Runtime,
  argv: string[],
  assigns: readonly Assigned[],
  io: Io,
  call: CallFunction,
): Gen<number> {
  const name = argv[0] ?? '';
  if (name.includes('/')) return runPathCommand(rt, name, argv, envWith(rt, assigns), io);
  const fn = rt.state.functions.get(name);
  if (fn) return withTempVars(rt, assigns, () => call(rt, fn, argv, io));
  const builtin = rt.builtins.get(name);
  if (builtin) return withTempVars(rt, assigns, () => builtin(rt, argv, io));
  const impl = rt.host.commands.get(name) ?? rt.utilities.get(name);
  if (impl) return runProgram(rt, impl, argv, io, envWith(rt, assigns), true, true);
  return notFound(rt, io, name);
}

// eslint-disable-next-line require-yield
function* notFound(rt: Runtime, io: Io, name: string): Gen<number> {
  shellError(rt, io, `${name}: command not found`);
  return 127;
}

function envWith(rt: Runtime, assigns: readonly Assigned[]): ReadonlyMap<string, string> {
  const exported = exportedEnv(rt.state);
  if (assigns.length === 0) return exported;
  // A copy: the exported Map may be handed to the next program too.
  const env = new Map(exported);
  for (const a of assigns) env.set(a.name, a.value);
  return env;
}

/** `VAR=x builtin` / `VAR=x func`: the variables hold only while it runs. */
function withTempVars(rt: Runtime, assigns: readonly Assigned[], run: () => Gen<number>): Gen<number> {
  return assigns.length === 0 ? run() : tempVars(rt, assigns, run);
}

function* tempVars(rt: Runtime, assigns: readonly Assigned[], run: () => Gen<number>): Gen<number> {
  const vars = rt.state.vars;
  const saved: [string, Var | undefined][] = assigns.map((a) => {
    const v = vars.get(a.name);
    return [a.name, v ? { ...v } : undefined];
  });
  for (const a of assigns) vars.set(a.name, { value: a.value, exported: true });
  try {
    return yield* run();
  } finally {
    for (const [name, v] of saved.reverse()) {
      if (v) vars.set(name, v);
      else vars.delete(name);
    }
  }
}

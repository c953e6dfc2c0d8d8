/** export, unset, local, declare/typeset, readonly, let, read. */
import { lineReady } from '../pipe';
import { arithValue } from '../expand';
import { ExpansionError } from '../errors';
import { IDENTIFIER } from '../lexer';
import { doubleQuote } from '../quote';
import { shellError } from '../runtime';
import type { Builtin, Io, Runtime } from '../runtime';
import { declareLocal, getVar, setVar } from '../state';

/* eslint-disable require-yield -- builtins share the generator signature */

/** Split `NAME=value` / `NAME`; undefined name when not a valid identifier. */
function splitAssign(arg: string): { name: string; value: string | undefined } {
  const eq = arg.indexOf('=');
  return eq < 0 ? { name: arg, value: undefined } : { name: arg.slice(0, eq), value: arg.slice(eq + 1) };
}

function printExports(rt: Runtime, io: Io): void {
  const names = [...rt.state.vars.keys()].filter((k) => rt.state.vars.get(k)?.exported).sort();
  for (const k of names) io.out(`declare -x ${k}=${doubleQuote(getVar(rt.state, k) ?? '')}\n`);
}

/** Shared by export, declare, local, readonly: set and flag each NAME[=value]. */
function declareEach(
  rt: Runtime,
  io: Io,
  cmd: string,
  args: string[],
  flags: { export?: boolean; local?: boolean },
): number {
  let status = 0;
  for (const arg of args) {
    const { name, value } = splitAssign(arg);
    if (!IDENTIFIER.test(name)) {
      shellError(rt, io, `${cmd}: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (flags.local) declareLocal(rt.state, name);
    if (value !== undefined) setVar(rt.state, name, value);
    else if (flags.local && !rt.state.vars.has(name)) setVar(rt.state, name, '');
    const v = rt.state.vars.get(name);
    if (v && flags.export !== undefined) v.exported = flags.export;
  }
  return status;
}

export const exportBuiltin: Builtin = function* (rt, argv, io) {
  let exported = true;
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '-n') exported = false;
    else if (a === '-p' || a === '-f') continue;
    else names.push(a);
  }
  if (names.length === 0) {
    printExports(rt, io);
    return 0;
  }
  return declareEach(rt, io, 'export', names, { export: exported });
};

export const declareBuiltin: Builtin = function* (rt, argv, io) {
  const flags: { export?: boolean; local?: boolean } = { local: rt.state.localFrames.length > 0 };
  const names: string[] = [];
  let print = false;
  for (const a of argv.slice(1)) {
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      if (a.includes('x')) flags.export = a.startsWith('-');
      if (a.includes('p')) print = true;
      if (a.includes('g')) flags.local = false;
    } else names.push(a);
  }
  if (print || names.length === 0) {
    const list = names.length > 0 ? names : [...rt.state.vars.keys()].sort();
    let status = 0;
    for (const n of list) {
      const v = rt.state.vars.get(n);
      if (!v) {
        shellError(rt, io, `${argv[0] ?? 'declare'}: ${n}: not found`);
        status = 1;
      } else io.out(`declare ${v.exported ? '-x' : '--'} ${n}=${doubleQuote(v.value)}\n`);
    }
    return status;
  }
  return declareEach(rt, io, argv[0] ?? 'declare', names, flags);
};

export const localBuiltin: Builtin = function* (rt, argv, io) {
  if (rt.state.localFrames.length === 0) {
    shellError(rt, io, 'local: can only be used in a function');
    return 1;
  }
  return declareEach(
    rt,
    io,
    'local',
    argv.slice(1).filter((a) => !a.startsWith('-')),
    { local: true },
  );
};

export const unsetBuiltin: Builtin = function* (rt, argv, io) {
  let mode: 'v' | 'f' | 'any' = 'any';
  let status = 0;
  for (const a of argv.slice(1)) {
    if (a === '-v' || a === '-f') {
      mode = a === '-v' ? 'v' : 'f';
      continue;
    }
    if (!IDENTIFIER.test(a)) {
      shellError(rt, io, `unset: \`${a}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (mode === 'f' || (mode === 'any' && !rt.state.vars.has(a))) rt.state.functions.delete(a);
    if (mode !== 'f') rt.state.vars.delete(a);
  }
  return status;
};

export const letBuiltin: Builtin = function* (rt, argv, io) {
  if (argv.length < 2) {
    shellError(rt, io, 'let: expression expected');
    return 1;
  }
  let last = '0';
  try {
    for (const expr of argv.slice(1)) last = arithValue(rt, expr);
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    shellError(rt, io, e.message);
    return 1;
  }
  return last === '0' ? 1 : 0;
};

/** Take one line from standard input: [line, sawNewline] or undefined at end of input. */
function takeLine(io: Io, raw: boolean): [string, boolean] | undefined {
  const inp = io.stdin;
  if (inp.pos >= inp.text.length) return undefined;
  let line = '';
  while (inp.pos < inp.text.length) {
    const ch = inp.text.charAt(inp.pos++);
    if (ch === '\n') return [line, true];
    if (ch === '\\' && !raw) {
      const next = inp.text.charAt(inp.pos++);
      if (next !== '\n') line += next;
      continue;
    }
    line += ch;
  }
  return [line, false];
}

export const readBuiltin: Builtin = function* (rt, argv, io) {
  let raw = false;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-r') raw = true;
    else if (a === '-p') io.err(argv[++i] ?? '');
    else if (a === '-t' || a === '-n' || a === '-d' || a === '-u') i++;
    else if (!a.startsWith('-')) names.push(a);
  }
  yield* lineReady(io.stdin);
  const got = takeLine(io, raw);
  if (names.length === 0) names.push('REPLY');
  const ifs = getVar(rt.state, 'IFS') ?? ' \t\n';
  const text = got?.[0] ?? '';
  const fields = names.length === 1 && names[0] === 'REPLY' ? [text] : splitRead(text, ifs, names.length);
  names.forEach((n, i) => setVar(rt.state, n, fields[i] ?? ''));
  return got && got[1] ? 0 : 1;
};

/** Split for `read`: IFS separates fields; the last name takes the rest of the line. */
function splitRead(text: string, ifs: string, count: number): string[] {
  const isSep = (ch: string): boolean => ifs.includes(ch);
  const out: string[] = [];
  let i = 0;
  while (i < text.length && isSep(text.charAt(i)) && ' \t\n'.includes(text.charAt(i))) i++;
  while (out.length < count - 1 && i < text.length) {
    let j = i;
    while (j < text.length && !isSep(text.charAt(j))) j++;
    out.push(text.slice(i, j));
    i = j + 1;
    while (i < text.length && ' \t\n'.includes(text.charAt(i)) && isSep(text.charAt(i))) i++;
  }
  out.push(text.slice(i).replace(/[ \t\n]+$/, ''));
  return out;
}

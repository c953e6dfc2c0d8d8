/** The shell's variables, functions, positional parameters, options and working folder. */
import type { FunctionDef } from './ast';
import type { NetConnection } from './types';

export interface Var {
  value: string;
  exported: boolean;
}

export interface ShellOptions {
  errexit: boolean;
  nounset: boolean;
  xtrace: boolean;
  pipefail: boolean;
}

/** How error messages are prefixed: `bash: ` interactively, `FILE: line N: ` in a script. */
export type ShellMode = { kind: 'interactive' } | { kind: 'script'; name: string } | { kind: 'command' };

export interface ShellState {
  vars: Map<string, Var>;
  functions: Map<string, FunctionDef>;
  cwd: string;
  positional: string[];
  /** `$0` */
  arg0: string;
  lastStatus: number;
  options: ShellOptions;
  /** One frame per running function: the values `local` shadowed (undefined = was unset). */
  localFrames: Map<string, Var | undefined>[];
  mode: ShellMode;
  /** `$$` */
  pid: number;
  /** Line of the command running (for messages and $LINENO). */
  line: number;
  /** Function calls, sourced files and substitutions running (recursion limit). */
  depth: number;
  /** Functions and sourced files running: `return` is allowed when > 0. */
  returnable: number;
  /** Loops running (break/continue outside a loop are errors... silently ignored by bash). */
  loops: number;
  /** > 0 while running an if/while condition or a non-final && / || member: set -e does not apply. */
  conditional: number;
  /** State of the $RANDOM generator (a 31-bit LCG; deterministic). */
  random: number;
  /** Descriptors 3 and up that `exec N<>/dev/tcp/…` opened (shared with subshells). */
  netFds?: Map<number, NetConnection>;
  /** `$!`: the process id of the last background job. */
  lastBgPid?: number;
  /** The environment handed out last (exportedEnv's memo; a subshell's copy is checked the same way). */
  envMemo?: EnvMemo;
}

/** An environment and the exported names and values, in order, it was built from. */
interface EnvMemo {
  names: string[];
  values: string[];
  env: ReadonlyMap<string, string>;
}

export function createState(opts: { cwd: string; pid: number; hostname: string; arg0: string }): ShellState {
  const vars = new Map<string, Var>();
  const env: [string, string, boolean][] = [
    ['HOME', '/root', true],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin', true],
    ['SHELL', '/bin/bash', true],
    ['USER', 'root', true],
    ['LOGNAME', 'root', true],
    ['LANG', 'en_US.UTF-8', true],
    ['TERM', 'xterm', true],
    ['PWD', opts.cwd, true],
    ['HOSTNAME', opts.hostname, true],
    ['IFS', ' \t\n', false],
    ['PS1', '[\\u@\\h \\W]\\$ ', false],
    ['UID', '0', false],
    ['EUID', '0', false],
  ];
  for (const [name, value, exported] of env) vars.set(name, { value, exported });
  return {
    vars,
    functions: new Map(),
    cwd: opts.cwd,
    positional: [],
    arg0: opts.arg0,
    lastStatus: 0,
    options: { errexit: false, nounset: false, xtrace: false, pipefail: false },
    localFrames: [],
    mode: { kind: 'interactive' },
    pid: opts.pid,
    line: 1,
    depth: 0,
    loops: 0,
    returnable: 0,
    conditional: 0,
    random: opts.pid,
  };
}

/** A copy for a subshell, `$(...)` or pipeline stage: changes in it do not come back. */
export function cloneState(s: ShellState): ShellState {
  const vars = new Map<string, Var>();
  for (const [k, v] of s.vars) vars.set(k, { ...v });
  return {
    ...s,
    vars,
    functions: new Map(s.functions),
    positional: [...s.positional],
    options: { ...s.options },
    localFrames: s.localFrames.map((f) => new Map(f)),
  };
}

export function getVar(s: ShellState, name: string): string | undefined {
  return s.vars.get(name)?.value;
}

/** Set a variable, keeping its export flag. */
export function setVar(s: ShellState, name: string, value: string): void {
  const v = s.vars.get(name);
  if (v) v.value = value;
  else s.vars.set(name, { value, exported: false });
}

export function unsetVar(s: ShellState, name: string): void {
  s.vars.delete(name);
}

/** `local NAME`: remember the outer value in the innermost function frame. */
export function declareLocal(s: ShellState, name: string): boolean {
  const frame = s.localFrames[s.localFrames.length - 1];
  if (!frame) return false;
  if (!frame.has(name)) {
    const v = s.vars.get(name);
    frame.set(name, v ? { ...v } : undefined);
  }
  return true;
}

/** Leave a function: put back what its `local`s shadowed. */
export function popLocals(s: ShellState): void {
  const frame = s.localFrames.pop();
  if (!frame) return;
  for (const [name, saved] of frame) {
    if (saved) s.vars.set(name, saved);
    else s.vars.delete(name);
  }
}

/**
 * The exported variables, as a process environment. Every program a shell runs gets one, and the
 * exports seldom change between them: the Map handed out last is handed out again while the
 * exported names and values are the same, in the same order (so it equals a fresh build). No
 * one changes a Map once it is handed out (`VAR=x cmd` copies it).
 */
export function exportedEnv(s: ShellState): ReadonlyMap<string, string> {
  const memo = s.envMemo;
  if (memo !== undefined && sameExports(s, memo)) return memo.env;
  const names: string[] = [];
  const values: string[] = [];
  const env = new Map<string, string>();
  for (const [k, v] of s.vars)
    if (v.exported) {
      names.push(k);
      values.push(v.value);
      env.set(k, v.value);
    }
  s.envMemo = { names, values, env };
  return env;
}

function sameExports(s: ShellState, m: EnvMemo): boolean {
  // forEach, not for…of (each entry of the iterator is an array), with a callback made once and
  // its running state in module variables: a closure over locals was made before every program.
  cmpMemo = m;
  cmpAt = 0;
  cmpSame = true;
  s.vars.forEach(compareExport);
  const same = cmpSame && cmpAt === m.names.length;
  cmpMemo = undefined;
  return same;
}

/** sameExports's walk: the memo compared, how many exports matched so far, and whether all did. */
let cmpMemo: EnvMemo | undefined;
let cmpAt = 0;
let cmpSame = true;

function compareExport(v: Var, k: string): void {
  if (!cmpSame || !v.exported) return;
  const m = cmpMemo!;
  if (m.names[cmpAt] !== k || m.values[cmpAt] !== v.value) cmpSame = false;
  else cmpAt++;
}

/** Next $RANDOM value (0..32767), from a deterministic LCG. */
export function nextRandom(s: ShellState): number {
  s.random = (Math.imul(s.random, 1103515245) + 12345) & 0x7fffffff;
  return (s.random >> 16) & 0x7fff;
}

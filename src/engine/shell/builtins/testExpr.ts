/** The expression language shared by `test` / `[` and `[[ ]]`: operators and their meaning. */
import { resolvePath } from '../paths';
import type { Runtime } from '../runtime';
import { getVar } from '../state';

/** A test failure with bash's message and status 2. */
export class TestError {
  constructor(readonly message: string) {}
}

export const UNARY: ReadonlySet<string> = new Set(
  [
    'e',
    'f',
    'd',
    's',
    'r',
    'w',
    'x',
    'L',
    'h',
    'z',
    'n',
    'b',
    'c',
    'p',
    'S',
    't',
    'v',
    'N',
    'O',
    'G',
    'g',
    'u',
    'k',
    'a',
    'o',
  ].map((c) => '-' + c),
);

export const BINARY: ReadonlySet<string> = new Set([
  '=',
  '==',
  '!=',
  '<',
  '>',
  '-eq',
  '-ne',
  '-lt',
  '-le',
  '-gt',
  '-ge',
  '-nt',
  '-ot',
  '-ef',
]);

function fileTest(rt: Runtime, op: string, arg: string): boolean {
  const fs = rt.fs;
  const path = resolvePath(rt.state.cwd, arg, getVar(rt.state, 'HOME') ?? '/root');
  if (arg === '') return false;
  switch (op) {
    case '-e':
    case '-a':
      return fs.exists(path);
    case '-f':
      return fs.exists(path) && !fs.isDir(path);
    case '-d':
      return fs.isDir(path);
    case '-s':
      return fs.isDir(path) || (fs.read(path) ?? '') !== '';
    case '-r':
    case '-w':
    case '-O':
    case '-G':
    case '-N':
      return fs.exists(path);
    case '-x': {
      if (!fs.exists(path)) return false;
      const mode = fs.mode?.(path);
      return fs.isDir(path) || mode === undefined || (mode & 0o111) !== 0;
    }
    default:
      return false;
  }
}

export function unaryTest(rt: Runtime, op: string, arg: string): boolean {
  if (op === '-z') return arg === '';
  if (op === '-n') return arg !== '';
  if (op === '-v') return getVar(rt.state, arg) !== undefined;
  if (op === '-o') return arg in rt.state.options && rt.state.options[arg as keyof typeof rt.state.options];
  if (op === '-t') return false;
  return fileTest(rt, op, arg);
}

function integer(text: string): bigint {
  const t = text.trim();
  if (!/^[-+]?[0-9]+$/.test(t)) throw new TestError(`${text}: integer expression expected`);
  return BigInt(t);
}

/** A binary operator. `toInt` converts operands for -eq etc. (`[[` evaluates arithmetic). */
export function binaryTest(
  rt: Runtime,
  a: string,
  op: string,
  b: string,
  toInt: (s: string) => bigint = integer,
): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-ef':
      return (
        resolvePath(rt.state.cwd, a) === resolvePath(rt.state.cwd, b) &&
        rt.fs.exists(resolvePath(rt.state.cwd, a))
      );
    case '-nt':
    case '-ot':
      return false;
    default: {
      const x = toInt(a);
      const y = toInt(b);
      if (op === '-eq') return x === y;
      if (op === '-ne') return x !== y;
      if (op === '-lt') return x < y;
      if (op === '-le') return x <= y;
      if (op === '-gt') return x > y;
      return x >= y;
    }
  }
}

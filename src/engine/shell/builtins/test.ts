/** `test` / `[ ]` (POSIX rules by argument count, then -a/-o/!/( ) precedence) and `[[ ]]`. */
import { arithValue } from '../expand';
import { ExpansionError } from '../errors';
import { matchPattern } from '../pattern';
import { shellError } from '../runtime';
import type { Builtin, Runtime } from '../runtime';
import { BINARY, binaryTest, TestError, UNARY, unaryTest } from './testExpr';

/* eslint-disable require-yield -- builtins share the generator signature */

/** Recursive-descent evaluation over a word list (used past the POSIX argument-count cases). */
class TestParser {
  private i = 0;
  constructor(
    private readonly rt: Runtime,
    private readonly args: readonly string[],
  ) {}

  run(): boolean {
    const v = this.or();
    if (this.i < this.args.length) throw new TestError('too many arguments');
    return v;
  }

  private or(): boolean {
    let v = this.and();
    while (this.args[this.i] === '-o') {
      this.i++;
      v = this.and() || v;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.args[this.i] === '-a') {
      this.i++;
      v = this.not() && v;
    }
    return v;
  }

  private not(): boolean {
    if (this.args[this.i] === '!' && this.i + 1 < this.args.length) {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args;
    const w = a[this.i];
    if (w === undefined) throw new TestError('argument expected');
    if (w === '(') {
      this.i++;
      const v = this.or();
      if (a[this.i] !== ')') throw new TestError("`)' expected");
      this.i++;
      return v;
    }
    const next = a[this.i + 1];
    if (next !== undefined && BINARY.has(next) && a[this.i + 2] !== undefined) {
      this.i += 3;
      return binaryTest(this.rt, w, next, a[this.i - 1] ?? '');
    }
    if (UNARY.has(w) && next !== undefined) {
      this.i += 2;
      return unaryTest(this.rt, w, next);
    }
    this.i++;
    return w !== '';
  }
}

/** POSIX: the meaning is fixed by the number of arguments up to four. */
function evalTest(rt: Runtime, args: readonly string[]): boolean {
  const [a = '', b = '', c = '', d] = args;
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return a !== '';
    case 2:
      if (a === '!') return b === '';
      if (UNARY.has(a)) return unaryTest(rt, a, b);
      throw new TestError(`${a}: unary operator expected`);
    case 3:
      if (BINARY.has(b)) return binaryTest(rt, a, b, c);
      if (b === '-a' || b === '-o') return new TestParser(rt, args).run();
      if (a === '!') return !evalTest(rt, args.slice(1));
      if (a === '(' && c === ')') return b !== '';
      throw new TestError(`${b}: binary operator expected`);
    case 4:
      if (a === '!') return !evalTest(rt, args.slice(1));
      if (a === '(' && d === ')') return evalTest(rt, args.slice(1, 3));
      return new TestParser(rt, args).run();
    default:
      return new TestParser(rt, args).run();
  }
}

export const testBuiltin: Builtin = function* (rt, argv, io) {
  const name = argv[0] ?? 'test';
  let args = argv.slice(1);
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      shellError(rt, io, "[: missing `]'");
      return 2;
    }
    args = args.slice(0, -1);
  }
  try {
    return evalTest(rt, args) ? 0 : 1;
  } catch (e) {
    if (!(e instanceof TestError)) throw e;
    shellError(rt, io, `${name}: ${e.message}`);
    return 2;
  }
};

/** `[[ ]]`: && || ! ( ), pattern matching for == and !=, =~ regular expressions. */
class CondParser {
  private i = 0;
  constructor(
    private readonly rt: Runtime,
    private readonly args: readonly string[],
  ) {}

  run(): boolean {
    const v = this.or();
    if (this.i < this.args.length) throw new TestError('syntax error in conditional expression');
    return v;
  }

  private or(): boolean {
    let v = this.and();
    while (this.args[this.i] === '||') {
      this.i++;
      const r = this.and();
      v = v || r;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.args[this.i] === '&&') {
      this.i++;
      const r = this.not();
      v = v && r;
    }
    return v;
  }

  private not(): boolean {
    if (this.args[this.i] === '!') {
      this.i++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args;
    const w = a[this.i];
    if (w === undefined) throw new TestError('syntax error in conditional expression');
    if (w === '(') {
      this.i++;
      const v = this.or();
      if (a[this.i++] !== ')') throw new TestError('syntax error in conditional expression');
      return v;
    }
    const op = a[this.i + 1];
    const rhs = a[this.i + 2];
    if (op !== undefined && rhs !== undefined && (BINARY.has(op) || op === '=~')) {
      this.i += 3;
      return this.binary(w, op, rhs);
    }
    if (UNARY.has(w) && op !== undefined) {
      this.i += 2;
      return unaryTest(this.rt, w, op);
    }
    this.i++;
    return w !== '';
  }

  private binary(lhs: string, op: string, rhs: string): boolean {
    if (op === '==' || op === '=') return matchPattern(rhs, lhs);
    if (op === '!=') return !matchPattern(rhs, lhs);
    if (op === '=~') {
      try {
        return new RegExp(rhs).test(lhs);
      } catch {
        throw new TestError('invalid regular expression');
      }
    }
    return binaryTest(this.rt, lhs, op, rhs, (s) => BigInt(arithValue(this.rt, s)));
  }
}

export const doubleBracketBuiltin: Builtin = function* (rt, argv, io) {
  const args = argv.slice(1, argv[argv.length - 1] === ']]' ? -1 : argv.length);
  try {
    return new CondParser(rt, args).run() ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) {
      shellError(rt, io, e.message);
      return 2;
    }
    if (e instanceof ExpansionError) {
      shellError(rt, io, e.message);
      return 1;
    }
    throw e;
  }
};

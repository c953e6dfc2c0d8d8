/**
 * Shell arithmetic (`$(( ))`, `(( ))`, `let`): 64-bit signed integers with C operators and
 * bash's precedence, variables by name, assignments and ++/--.
 */

export class ArithError extends Error {}

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

const wrap = (x: bigint): bigint => BigInt.asIntN(64, x);

const TOKEN =
  /^\s*([0-9][0-9A-Za-z@_#]*|[A-Za-z_][A-Za-z0-9_]*|\*\*=?|<<=|>>=|\+\+|--|&&|\|\||[<>=!]=|<<|>>|[-+*/%&^|]=|[-+*/%<>=!~&^|?:,()])/;

/** Binary operators from loosest to tightest (assignment, ?: and ** handled apart). */
const LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '>', '<=', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

function parseNumber(text: string): bigint | undefined {
  if (/^0[xX][0-9A-Fa-f]+$/.test(text)) return wrap(BigInt(text));
  if (/^0[0-7]+$/.test(text)) return wrap(BigInt('0o' + text.slice(1)));
  if (/^0[0-9]+$/.test(text)) return undefined;
  if (/^[0-9]+$/.test(text)) return wrap(BigInt(text));
  const m = /^([0-9]+)#([0-9A-Za-z@_]+)$/.exec(text);
  if (!m) return undefined;
  const base = Number(m[1]);
  if (base < 2 || base > 64) return undefined;
  const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@_';
  let v = 0n;
  for (const ch of m[2] ?? '') {
    const d = digits.indexOf(base <= 36 ? ch.toLowerCase() : ch);
    if (d < 0 || d >= base) return undefined;
    v = wrap(v * BigInt(base) + BigInt(d));
  }
  return v;
}

class ArithParser {
  private toks: string[] = [];
  private i = 0;
  /** Inside the untaken side of && || ?: — parse without side effects or errors. */
  private skip = 0;
  private nesting = 0;

  constructor(
    private readonly expr: string,
    private readonly vars: ArithVars,
    private readonly depth: number,
  ) {
    let rest = expr;
    while (rest.trim() !== '') {
      const m = TOKEN.exec(rest);
      if (!m) throw this.error('syntax error: invalid arithmetic operator', rest.trim());
      this.toks.push(m[1] ?? '');
      rest = rest.slice(m[0].length);
    }
  }

  run(): bigint {
    if (this.toks.length === 0) return 0n;
    const v = this.comma();
    if (this.i < this.toks.length) throw this.error('syntax error in expression', this.restText());
    return v;
  }

  private error(what: string, token: string): ArithError {
    return new ArithError(`${this.expr.trim()}: ${what} (error token is "${token}")`);
  }

  private restText(): string {
    return this.toks.slice(this.i).join('');
  }

  private peek(): string | undefined {
    return this.toks[this.i];
  }

  private comma(): bigint {
    let v = this.assign();
    while (this.peek() === ',') {
      this.i++;
      v = this.assign();
    }
    return v;
  }

  private assign(): bigint {
    const name = this.peek();
    const op = this.toks[this.i + 1];
    if (name !== undefined && /^[A-Za-z_]/.test(name) && op !== undefined && ASSIGN_OPS.has(op)) {
      this.i += 2;
      const rhs = this.assign();
      const value = op === '=' ? rhs : this.binary(op.slice(0, -1), this.variable(name), rhs);
      return this.store(name, value);
    }
    return this.ternary();
  }

  private ternary(): bigint {
    const cond = this.level(0);
    if (this.peek() !== '?') return cond;
    this.i++;
    if (cond === 0n) this.skip++;
    const a = this.assign();
    if (cond === 0n) this.skip--;
    if (this.peek() !== ':')
      throw this.error("syntax error: `:' expected for conditional expression", this.restText());
    this.i++;
    if (cond !== 0n) this.skip++;
    const b = this.assign();
    if (cond !== 0n) this.skip--;
    return cond !== 0n ? a : b;
  }

  private level(n: number): bigint {
    const ops = LEVELS[n];
    if (!ops) return this.power();
    let v = this.level(n + 1);
    for (;;) {
      const op = this.peek();
      if (op === undefined || !ops.includes(op)) return v;
      this.i++;
      const short = (op === '&&' && v === 0n) || (op === '||' && v !== 0n);
      if (short) this.skip++;
      const rhs = this.level(n + 1);
      if (short) this.skip--;
      v = this.binary(op, v, rhs);
    }
  }

  private power(): bigint {
    const base = this.unary();
    if (this.peek() !== '**') return base;
    this.i++;
    return this.binary('**', base, this.power());
  }

  private unary(): bigint {
    if (++this.nesting > 200) throw this.error('expression nesting level exceeded', this.restText());
    try {
      return this.unaryInner();
    } finally {
      this.nesting--;
    }
  }

  private unaryInner(): bigint {
    const op = this.peek();
    if (op === '++' || op === '--') {
      this.i++;
      const name = this.peek();
      if (name === undefined || !/^[A-Za-z_]/.test(name))
        throw this.error('syntax error: operand expected', this.restText());
      this.i++;
      return this.store(name, this.variable(name) + (op === '++' ? 1n : -1n));
    }
    if (op === '-' || op === '+' || op === '!' || op === '~') {
      this.i++;
      const v = this.unary();
      if (op === '-') return wrap(-v);
      if (op === '!') return v === 0n ? 1n : 0n;
      if (op === '~') return wrap(~v);
      return v;
    }
    return this.postfix();
  }

  private postfix(): bigint {
    const t = this.peek();
    if (t === undefined) throw this.error('syntax error: operand expected', '');
    this.i++;
    if (t === '(') {
      const v = this.comma();
      if (this.peek() !== ')') throw this.error("missing `)'", this.restText());
      this.i++;
      return v;
    }
    if (/^[A-Za-z_]/.test(t)) {
      const v = this.variable(t);
      const op = this.peek();
      if (op === '++' || op === '--') {
        this.i++;
        this.store(t, v + (op === '++' ? 1n : -1n));
      }
      return v;
    }
    const n = parseNumber(t);
    if (n === undefined) {
      if (/^[0-9]/.test(t)) throw this.error('value too great for base', t);
      throw this.error('syntax error: operand expected', [t, ...this.toks.slice(this.i)].join(''));
    }
    return n;
  }

  private variable(name: string): bigint {
    const raw = (this.vars.get(name) ?? '').trim();
    if (raw === '') return 0n;
    const n = parseNumber(raw);
    if (n !== undefined) return n;
    if (this.depth > 8) throw this.error('expression recursion level exceeded', name);
    return new ArithParser(raw, this.vars, this.depth + 1).run();
  }

  private store(name: string, value: bigint): bigint {
    const v = wrap(value);
    if (this.skip === 0) this.vars.set(name, String(v));
    return v;
  }

  private binary(op: string, a: bigint, b: bigint): bigint {
    switch (op) {
      case '+':
        return wrap(a + b);
      case '-':
        return wrap(a - b);
      case '*':
        return wrap(a * b);
      case '/':
      case '%':
        if (b === 0n) {
          if (this.skip > 0) return 0n;
          throw this.error('division by 0', String(b));
        }
        return wrap(op === '/' ? a / b : a % b);
      case '**':
        return this.pow(a, b);
      case '<<':
        return wrap(a << (b & 63n));
      case '>>':
        return a >> (b & 63n);
      case '<':
        return a < b ? 1n : 0n;
      case '>':
        return a > b ? 1n : 0n;
      case '<=':
        return a <= b ? 1n : 0n;
      case '>=':
        return a >= b ? 1n : 0n;
      case '==':
        return a === b ? 1n : 0n;
      case '!=':
        return a !== b ? 1n : 0n;
      case '&':
        return a & b;
      case '|':
        return a | b;
      case '^':
        return a ^ b;
      case '&&':
        return a !== 0n && b !== 0n ? 1n : 0n;
      case '||':
        return a !== 0n || b !== 0n ? 1n : 0n;
      default:
        throw this.error('syntax error: invalid arithmetic operator', op);
    }
  }

  private pow(a: bigint, e: bigint): bigint {
    if (e < 0n) {
      if (this.skip > 0) return 0n;
      throw this.error('exponent less than 0', String(e));
    }
    let result = 1n;
    let base = a;
    let exp = e;
    while (exp > 0n) {
      if (exp & 1n) result = wrap(result * base);
      base = wrap(base * base);
      exp >>= 1n;
    }
    return result;
  }
}

/** Evaluate an (already expanded) arithmetic expression; throws ArithError with bash's wording. */
export function evalArith(expr: string, vars: ArithVars): bigint {
  return new ArithParser(expr, vars, 0).run();
}

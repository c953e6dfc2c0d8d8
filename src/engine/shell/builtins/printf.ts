/** printf FORMAT [ARGS]: %s %b %c %d %i %u %o %x %X %f %e %g %%, flags, width and precision. */
import type { CommandContext, CommandImpl } from '../types';
import { decodeEscapes } from './echo';
import { expParts, fixedParts, padParts, zeroPadded } from './printfParts';
import type { Part } from './printfParts';

const INT_MAX = 2147483647;
/** Digits JavaScript formats itself; past them the exact decimal expansion is used. */
const JS_DIGITS = 100;
/** A run of one character is written in chunks of this size. */
const CHUNK = 65536;

const SPEC = /%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([sbcdiuoxXfFeEgG%])/y;

interface Cursor {
  args: string[];
  used: number;
  status: number;
}

function nextArg(c: Cursor): string | undefined {
  return c.used < c.args.length ? c.args[c.used++] : undefined;
}

function toInteger(ctx: CommandContext, c: Cursor, arg: string | undefined): bigint {
  if (arg === undefined || arg === '') return 0n;
  const t = arg.trim();
  if (/^['"]./.test(t)) return BigInt(t.codePointAt(1) ?? 0);
  if (/^[-+]?(0[xX][0-9A-Fa-f]+|[0-9]+)$/.test(t)) {
    const neg = t.startsWith('-');
    const body = t.replace(/^[-+]/, '');
    const v = /^0[0-7]+$/.test(body) ? BigInt('0o' + body.slice(1)) : BigInt(body);
    return neg ? -v : v;
  }
  ctx.err(`bash: printf: ${arg}: invalid number\n`);
  c.status = 1;
  const lead = /^[-+]?[0-9]+/.exec(t)?.[0];
  return lead !== undefined ? BigInt(lead) : 0n;
}

function formatNumber(
  ctx: CommandContext,
  c: Cursor,
  conv: string,
  flags: string,
  prec: number | undefined,
): Part[] {
  const arg = nextArg(c);
  if ('fFeEgG'.includes(conv)) {
    const v = arg === undefined || arg.trim() === '' ? 0 : Number(arg);
    if (Number.isNaN(v)) {
      ctx.err(`bash: printf: ${arg ?? ''}: invalid number\n`);
      c.status = 1;
    }
    const n = Number.isNaN(v) ? 0 : v;
    const p = prec ?? 6;
    if (p > JS_DIGITS && Number.isFinite(n)) return bigPrecision(n, conv, flags, p);
    const s =
      conv === 'f' || conv === 'F'
        ? n.toFixed(p)
        : conv === 'e' || conv === 'E'
          ? n.toExponential(p).replace(/e([-+])(\d)$/, 'e$10$2')
          : String(Number(n.toPrecision(p || 1)));
    const signed = n >= 0 && flags.includes('+') ? '+' + s : s;
    return [conv === 'E' || conv === 'G' ? signed.toUpperCase() : signed];
  }
  let v = toInteger(ctx, c, arg);
  if (conv === 'u' && v < 0n) v = BigInt.asUintN(64, v);
  let s: string;
  if (conv === 'x' || conv === 'X' || conv === 'o') {
    const u = BigInt.asUintN(64, v);
    s = u.toString(conv === 'o' ? 8 : 16);
    if (conv === 'X') s = s.toUpperCase();
    if (flags.includes('#') && u !== 0n) s = (conv === 'o' ? '0' : conv === 'x' ? '0x' : '0X') + s;
  } else s = String(v);
  let sign = '';
  if (v >= 0n && conv !== 'x' && conv !== 'X' && conv !== 'o') {
    if (flags.includes('+')) sign = '+';
    else if (flags.includes(' ')) sign = ' ';
  }
  const parts = prec !== undefined ? zeroPadded(s, prec) : [s];
  return sign === '' ? parts : [sign + String(parts[0] ?? ''), ...parts.slice(1)];
}

/** %f %e %g with a precision past what JavaScript formats: the exact expansion, zeros as a run. */
function bigPrecision(n: number, conv: string, flags: string, p: number): Part[] {
  const upper = conv === 'E' || conv === 'G';
  let parts: Part[];
  if (conv === 'f' || conv === 'F') parts = fixedParts(n, p);
  else if (conv === 'e' || conv === 'E') parts = expParts(n, p, upper);
  else {
    // %g: the style by the exponent, then no trailing zeros (unless #).
    const probe = expParts(n, p - 1, upper);
    const x = Number(/[eE]([-+]\d+)$/.exec(String(probe[probe.length - 1]))?.[1] ?? '0');
    parts = x < -4 || x >= p ? probe : fixedParts(n, p - 1 - x);
    if (!flags.includes('#')) parts = stripZeros(parts);
  }
  const first = String(parts[0] ?? '');
  return n >= 0 && flags.includes('+') ? ['+' + first, ...parts.slice(1)] : parts;
}

function stripZeros(parts: Part[]): Part[] {
  const texts = parts.filter((p): p is string => typeof p === 'string');
  const exp = texts.length > 1 ? texts[texts.length - 1]! : '';
  const mant = texts.length > 1 ? texts.slice(0, -1).join('') : (texts[0] ?? '');
  return [(mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant) + exp];
}

/** A `*` width or precision: bash clamps a value past INT_MAX, with a warning naming the next argument. */
function starValue(ctx: CommandContext, c: Cursor): number {
  const v = toInteger(ctx, c, nextArg(c));
  if (v >= -2147483648n && v <= BigInt(INT_MAX)) return Number(v);
  const next = c.args[c.used];
  if (next === undefined) return Number(BigInt.asIntN(32, v));
  ctx.err(`bash: printf: warning: ${next}: Numerical result out of range\n`);
  return v > 0n ? INT_MAX : -2147483648;
}

/** One pass over the format. Returns [output, stop] (stop: %b met `\c`). */
function formatOnce(ctx: CommandContext, fmt: string, c: Cursor): [Part[], boolean] {
  const out: Part[] = [];
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt.charAt(i);
    if (ch === '\\') {
      const end = fmt.charAt(i + 1) === 'x' ? i + 4 : /[0-7]/.test(fmt.charAt(i + 1)) ? i + 4 : i + 2;
      const chunk = fmt.slice(i, end).replace(/^(\\x[0-9A-Fa-f]{0,2}|\\[0-7]{1,3}|\\.).*$/s, '$1');
      const [text, stop] = decodeEscapes(chunk, true);
      out.push(text);
      if (stop) return [out, true];
      i += chunk.length;
      continue;
    }
    if (ch !== '%') {
      out.push(ch);
      i++;
      continue;
    }
    SPEC.lastIndex = i;
    const m = SPEC.exec(fmt);
    if (!m) {
      ctx.err(`bash: printf: \`${fmt.charAt(i + 1)}': invalid format character\n`);
      c.status = 1;
      return [out, true];
    }
    i = SPEC.lastIndex;
    const [, flags = '', w, p, conv = 's'] = m;
    if (conv === '%') {
      out.push('%');
      continue;
    }
    const width = w === '*' ? starValue(ctx, c) : Number(w ?? 0);
    const star = p === '*' ? starValue(ctx, c) : undefined;
    const prec =
      p === undefined ? undefined : star !== undefined ? (star < 0 ? undefined : star) : Number(p || 0);
    // A width or precision written in the format past INT_MAX: the C printf bash calls fails
    // (EOVERFLOW) and this conversion prints nothing.
    if (Number(w ?? 0) > INT_MAX || (star === undefined && (prec ?? 0) > INT_MAX)) {
      if (conv !== '%') nextArg(c);
      continue;
    }
    if (conv === 's' || conv === 'b' || conv === 'c') {
      let arg = nextArg(c) ?? '';
      let stop = false;
      if (conv === 'b') [arg, stop] = decodeEscapes(arg);
      if (conv === 'c') arg = arg.charAt(0);
      const text = prec !== undefined ? arg.slice(0, prec) : arg;
      out.push(...padParts([text], (width < 0 ? flags + '-' : flags).replace('0', ''), Math.abs(width)));
      if (stop) return [out, true];
      continue;
    }
    const text = formatNumber(ctx, c, conv, flags, prec);
    out.push(...padParts(text, width < 0 ? flags + '-' : flags, Math.abs(width)));
  }
  return [out, false];
}

/** Write the parts; a long run goes out in chunks, each a turn for the clock and Ctrl-C. */
function* writeParts(
  ctx: CommandContext,
  parts: readonly Part[],
): Generator<{ kind: 'sleep'; us: 0 }, void, void> {
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    if (part.n <= CHUNK) {
      text += part.ch.repeat(part.n);
      continue;
    }
    ctx.out(text);
    text = '';
    const chunk = part.ch.repeat(CHUNK);
    for (let left = part.n; left > 0 && !ctx.interrupted(); left -= CHUNK) {
      ctx.out(left >= CHUNK ? chunk : chunk.slice(0, left));
      yield { kind: 'sleep', us: 0 };
    }
  }
  if (text !== '') ctx.out(text);
}

export const printfCommand: CommandImpl = function* (ctx) {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  const fmt = args.shift();
  if (fmt === undefined) {
    ctx.err('bash: printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const c: Cursor = { args, used: 0, status: 0 };
  for (;;) {
    const before = c.used;
    const [parts, stop] = formatOnce(ctx, fmt, c);
    yield* writeParts(ctx, parts);
    if (stop || c.used >= c.args.length || c.used === before) break;
  }
  return c.status;
};

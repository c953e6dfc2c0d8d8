/** printf FORMAT [ARGS]: %s %b %c %d %i %u %o %x %X %f %e %g %%, flags, width and precision. */
import type { CommandContext } from '../types';
import { simple } from '../types';
import { decodeEscapes } from './echo';

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

function pad(text: string, flags: string, width: number): string {
  if (text.length >= width) return text;
  if (flags.includes('-')) return text.padEnd(width);
  if (flags.includes('0') && /^[-+ ]?[0-9]/.test(text)) {
    const sign = /^[-+ ]/.test(text) ? text.charAt(0) : '';
    return sign + text.slice(sign.length).padStart(width - sign.length, '0');
  }
  return text.padStart(width);
}

function formatNumber(
  ctx: CommandContext,
  c: Cursor,
  conv: string,
  flags: string,
  prec: number | undefined,
): string {
  const arg = nextArg(c);
  if ('fFeEgG'.includes(conv)) {
    const v = arg === undefined || arg.trim() === '' ? 0 : Number(arg);
    if (Number.isNaN(v)) {
      ctx.err(`bash: printf: ${arg ?? ''}: invalid number\n`);
      c.status = 1;
    }
    const n = Number.isNaN(v) ? 0 : v;
    const p = prec ?? 6;
    const s =
      conv === 'f' || conv === 'F'
        ? n.toFixed(p)
        : conv === 'e' || conv === 'E'
          ? n.toExponential(p).replace(/e([-+])(\d)$/, 'e$10$2')
          : String(Number(n.toPrecision(p || 1)));
    const signed = n >= 0 && flags.includes('+') ? '+' + s : s;
    return conv === 'E' || conv === 'G' ? signed.toUpperCase() : signed;
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
  if (prec !== undefined)
    s = s.startsWith('-') ? '-' + s.slice(1).padStart(prec, '0') : s.padStart(prec, '0');
  if (v >= 0n && conv !== 'x' && conv !== 'X' && conv !== 'o') {
    if (flags.includes('+')) s = '+' + s;
    else if (flags.includes(' ')) s = ' ' + s;
  }
  return s;
}

/** One pass over the format. Returns [output, stop] (stop: %b met `\c`). */
function formatOnce(ctx: CommandContext, fmt: string, c: Cursor): [string, boolean] {
  let out = '';
  let i = 0;
  while (i < fmt.length) {
    const ch = fmt.charAt(i);
    if (ch === '\\') {
      const end = fmt.charAt(i + 1) === 'x' ? i + 4 : /[0-7]/.test(fmt.charAt(i + 1)) ? i + 4 : i + 2;
      const chunk = fmt.slice(i, end).replace(/^(\\x[0-9A-Fa-f]{0,2}|\\[0-7]{1,3}|\\.).*$/s, '$1');
      const [text, stop] = decodeEscapes(chunk, true);
      out += text;
      if (stop) return [out, true];
      i += chunk.length;
      continue;
    }
    if (ch !== '%') {
      out += ch;
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
      out += '%';
      continue;
    }
    const width = w === '*' ? Number(toInteger(ctx, c, nextArg(c))) : Number(w ?? 0);
    const prec =
      p === undefined ? undefined : p === '*' ? Number(toInteger(ctx, c, nextArg(c))) : Number(p || 0);
    let text: string;
    if (conv === 's' || conv === 'b' || conv === 'c') {
      let arg = nextArg(c) ?? '';
      let stop = false;
      if (conv === 'b') [arg, stop] = decodeEscapes(arg);
      if (conv === 'c') arg = arg.charAt(0);
      text = prec !== undefined ? arg.slice(0, prec) : arg;
      out += pad(text, flags.replace('0', ''), Math.abs(width));
      if (stop) return [out, true];
      continue;
    }
    text = formatNumber(ctx, c, conv, flags, prec);
    out += pad(text, width < 0 ? flags + '-' : flags, Math.abs(width));
  }
  return [out, false];
}

export const printfCommand = simple((ctx) => {
  const args = ctx.argv.slice(1);
  if (args[0] === '--') args.shift();
  const fmt = args.shift();
  if (fmt === undefined) {
    ctx.err('bash: printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const c: Cursor = { args, used: 0, status: 0 };
  let out = '';
  for (;;) {
    const before = c.used;
    const [text, stop] = formatOnce(ctx, fmt, c);
    out += text;
    if (stop || c.used >= c.args.length || c.used === before) break;
  }
  ctx.out(out);
  return c.status;
});

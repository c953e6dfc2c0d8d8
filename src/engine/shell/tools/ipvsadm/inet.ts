/**
 * The libc address parsers ipvsadm relies on, with their quirks: glibc inet_aton (used for
 * -t/-u/-r/-M), inet_pton (strict, used for --mcast-group) and an inet_pton(AF_INET6) check.
 */

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isXDigit = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);
/** C isspace in the "C" locale. */
export const isCSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';

/** strtoul(s + i, &end, 0) for a string that starts with a digit: 0x = hex, 0 = octal. */
function strtoul0(s: string, i: number): { val: number; end: number } {
  let base = 10;
  let j = i;
  if (s[j] === '0' && (s[j + 1] === 'x' || s[j + 1] === 'X') && isXDigit(s[j + 2])) {
    base = 16;
    j += 2;
  } else if (s[j] === '0') base = 8;
  let val = 0;
  for (; j < s.length; j++) {
    const d = parseInt(s[j]!, 16);
    if (Number.isNaN(d) || d >= base) break;
    // Past 2^32 the exact value no longer matters: the caller rejects it.
    val = Math.min(val * base + d, 2 ** 40);
  }
  return { val, end: j };
}

/**
 * glibc inet_aton: `a.b.c.d`, `a.b.c` (c 16 bits), `a.b` (b 24 bits), `a` (32 bits), each part
 * decimal, 0x-hex or 0-octal. Whitespace ends the address and whatever follows it is ignored.
 * Returns the address as an unsigned 32-bit number.
 */
export function inetAton(s: string): number | undefined {
  const parts: number[] = [];
  let i = 0;
  let val: number;
  for (;;) {
    if (!isDigit(s[i])) return undefined;
    const r = strtoul0(s, i);
    if (r.val > 0xffffffff) return undefined;
    val = r.val;
    i = r.end;
    if (s[i] !== '.') break;
    if (parts.length > 2 || val > 0xff) return undefined;
    parts.push(val);
    i++;
  }
  if (i < s.length && !isCSpace(s[i])) return undefined;
  const max = [0xffffffff, 0xffffff, 0xffff, 0xff][parts.length]!;
  if (val > max) return undefined;
  let word = 0;
  parts.forEach((p, k) => (word += p * 2 ** (24 - 8 * k)));
  return (word + val) >>> 0;
}

/** glibc inet_pton(AF_INET): exactly four decimal octets, no leading zeros, nothing after. */
export function inetPton4(s: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return undefined;
  let word = 0;
  for (let k = 1; k <= 4; k++) {
    const part = m[k]!;
    if ((part.length > 1 && part.startsWith('0')) || Number(part) > 255) return undefined;
    word = word * 256 + Number(part);
  }
  return word;
}

/** inet_pton(AF_INET6): the sixteen bytes, or undefined when the text is not an IPv6 address. */
export function inetPton6(s: string): number[] | undefined {
  const dbl = s.indexOf('::');
  if (dbl !== s.lastIndexOf('::')) return undefined;
  const head = dbl < 0 ? s : s.slice(0, dbl);
  const tail = dbl < 0 ? '' : s.slice(dbl + 2);
  const a = groups(head, dbl < 0);
  const b = dbl < 0 ? [] : groups(tail, true);
  if (!a || !b) return undefined;
  const fill = 16 - a.length - b.length;
  if (dbl < 0 ? fill !== 0 : fill < 2) return undefined;
  return [...a, ...new Array<number>(fill).fill(0), ...b];
}

/** Bytes of `h:h:h` (a trailing dotted quad allowed when `last`); [] for an empty side of `::`. */
function groups(text: string, last: boolean): number[] | undefined {
  if (text === '') return [];
  const out: number[] = [];
  const parts = text.split(':');
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    if (last && k === parts.length - 1 && p.includes('.')) {
      const v4 = inetPton4(p);
      if (v4 === undefined) return undefined;
      out.push(v4 >>> 24, (v4 >>> 16) & 0xff, (v4 >>> 8) & 0xff, v4 & 0xff);
    } else {
      if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return undefined;
      const v = parseInt(p, 16);
      out.push(v >> 8, v & 0xff);
    }
  }
  return out;
}

export function u32ToDotted(n: number): string {
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.');
}

export function dottedToU32(s: string): number {
  return s.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
}

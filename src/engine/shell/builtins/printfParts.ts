/**
 * printf's output as parts: text, or a run of one repeated character. A conversion with a
 * huge width or precision (`%*d` 1000000000, `%.999999999f`) is a short text and a long run,
 * written out in chunks as the real printf writes it, never built as one string.
 */
export type Part = string | { ch: string; n: number };

export function partsLength(parts: readonly Part[]): number {
  let n = 0;
  for (const p of parts) n += typeof p === 'string' ? p.length : p.n;
  return n;
}

const fill = (ch: string, n: number): Part[] => (n > 0 ? [{ ch, n }] : []);

/** Pad to `width` (flags `-` left-justify, `0` zero-fill after the sign) as bash's printf does. */
export function padParts(parts: Part[], flags: string, width: number): Part[] {
  const missing = width - partsLength(parts);
  if (missing <= 0) return parts;
  if (flags.includes('-')) return [...parts, ...fill(' ', missing)];
  const first = typeof parts[0] === 'string' ? parts[0] : '';
  if (flags.includes('0') && /^[-+ ]?[0-9]/.test(first)) {
    const sign = /^[-+ ]/.test(first) ? first.charAt(0) : '';
    return [sign, ...fill('0', missing), first.slice(sign.length), ...parts.slice(1)];
  }
  return [...fill(' ', missing), ...parts];
}

/** Integer digits with at least `prec` of them (zeros in front). */
export function zeroPadded(s: string, prec: number): Part[] {
  const neg = s.startsWith('-');
  const digits = neg ? s.slice(1) : s;
  return [neg ? '-' : '', ...fill('0', prec - digits.length), digits];
}

/** The exact decimal value of a finite double ≥ 0: integer digits and fraction digits (no trailing zeros). */
function exactDecimal(x: number): { int: string; frac: string } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & ((1n << 52n) - 1n);
  let e2 = -1074;
  if (exp !== 0) {
    mant |= 1n << 52n;
    e2 = exp - 1075;
  }
  if (e2 >= 0) return { int: (mant << BigInt(e2)).toString(), frac: '' };
  const k = -e2;
  const s = (mant * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  return { int: s.slice(0, -k), frac: s.slice(-k).replace(/0+$/, '') };
}

/** Round the digit string `d` (an integer) to drop `drop` trailing digits, half to even as glibc. */
function roundDigits(d: string, keep: number): string {
  const head = d.slice(0, keep);
  const next = d.charAt(keep);
  const rest = d.slice(keep + 1);
  const up = next > '5' || (next === '5' && (/[1-9]/.test(rest) || Number(head.slice(-1) || '0') % 2 === 1));
  if (!up) return head;
  return (BigInt(head || '0') + 1n).toString().padStart(head.length, '0');
}

/** `%.Nf` of a finite |x| for any N (toFixed stops at 100 digits). */
export function fixedParts(x: number, prec: number): Part[] {
  const { int, frac } = exactDecimal(Math.abs(x));
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (frac.length <= prec) {
    return [`${sign}${int}${prec > 0 ? '.' : ''}${frac}`, ...fill('0', prec - frac.length)];
  }
  const all = roundDigits(int + frac, int.length + prec);
  const intLen = all.length - prec;
  return [`${sign}${all.slice(0, intLen) || '0'}${prec > 0 ? '.' : ''}${all.slice(intLen)}`];
}

/** `%.Ne` of a finite |x| for any N: d.ddd…e±XX. */
export function expParts(x: number, prec: number, upper: boolean): Part[] {
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  const { int, frac } = exactDecimal(Math.abs(x));
  const digits = (int + frac).replace(/^0+/, '');
  let e = digits === '' ? 0 : int.replace(/^0+/, '').length - 1;
  if (digits !== '' && int.replace(/^0+/, '') === '') e = -(frac.length - frac.replace(/^0+/, '').length + 1);
  let sig = digits === '' ? '0' : digits;
  if (sig.length > prec + 1) {
    sig = roundDigits(sig, prec + 1);
    if (sig.length > prec + 1) {
      sig = sig.slice(0, prec + 1);
      e++;
    }
  }
  const mant = `${sig.charAt(0)}${prec > 0 ? '.' : ''}${sig.slice(1)}`;
  const expText = `${upper ? 'E' : 'e'}${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return [sign + mant, ...fill('0', prec + 1 - sig.length), expText];
}

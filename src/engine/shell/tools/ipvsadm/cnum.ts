/**
 * C number parsing as ipvsadm does it: strtol-based string_to_number (whole string, range
 * checked), parse_timeout, parse_fwmark and atoi.
 */
import { isCSpace } from './inet';

/** strtol(s, &end, 10): the value (inexact beyond 2^53, which no caller's range reaches) and where it stopped. */
function strtol10(s: string): { val: number; end: number } {
  let i = 0;
  while (isCSpace(s[i])) i++;
  let sign = 1;
  if (s[i] === '+' || s[i] === '-') {
    if (s[i] === '-') sign = -1;
    i++;
  }
  const start = i;
  let val = 0;
  while (i < s.length && s[i]! >= '0' && s[i]! <= '9') val = val * 10 + (s.charCodeAt(i++) - 48);
  // No digits: strtol leaves end at the start of the string.
  if (i === start) return { val: 0, end: 0 };
  return { val: sign * val, end: i };
}

/** string_to_number: the whole string must be a base-10 number within [min, max]. */
export function stringToNumber(s: string, min: number, max: number): number | undefined {
  const { val, end } = strtol10(s);
  if (end === s.length && end !== 0 && val >= min && val <= max) return val;
  return undefined;
}

/** parse_fwmark: 1..UINT_MAX, nothing after the digits. */
export function fwmarkValue(s: string): number | undefined {
  const { val, end } = strtol10(s);
  if (end !== s.length || end === 0 || val <= 0 || val > 0xffffffff) return undefined;
  return val;
}

/** atoi: strtol then cast to int (a value past LONG_MAX saturates first, then wraps to 32 bits). */
export function atoi(s: string): number {
  let i = 0;
  while (isCSpace(s[i])) i++;
  const m = /^[+-]?\d+/.exec(s.slice(i));
  if (!m) return 0;
  let v = BigInt(m[0]);
  const LONG_MAX = 2n ** 63n - 1n;
  if (v > LONG_MAX) v = LONG_MAX;
  if (v < -LONG_MAX - 1n) v = -LONG_MAX - 1n;
  return Number(BigInt.asIntN(32, v));
}

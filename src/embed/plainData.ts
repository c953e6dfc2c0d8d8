/**
 * Checks for data that came out of JSON.parse on untrusted text: bounded integers and strings,
 * and a deep copy of unknown values without keys that could reach an object's prototype.
 */

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export function isIntIn(v: unknown, min: number, max: number): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of JSON data with forbidden keys dropped and depth bounded (deeper parts become
 * undefined and are left out). Objects are created with a null-free literal and own keys only.
 */
export function cleanData(v: unknown, depth = 8): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (depth <= 0) return undefined;
  if (Array.isArray(v)) return v.map((x) => cleanData(x, depth - 1) ?? null);
  if (!isPlainObject(v)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (FORBIDDEN_KEYS.has(k)) continue;
    const c = cleanData(x, depth - 1);
    if (c !== undefined)
      Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A typed array with room for `need` elements: `a` itself, or a copy at least twice as long. */
export function growTyped<T extends Float64Array | Uint8Array | Uint16Array | Uint32Array | Int32Array>(
  a: T,
  need: number,
): T {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** `a` cut to its first `n` elements (a copy, unless it holds exactly that many). */
export function trimTyped<T extends Uint32Array | Uint16Array | Int32Array>(a: T, n: number): T {
  return a.length === n ? a : (a.slice(0, n) as T);
}

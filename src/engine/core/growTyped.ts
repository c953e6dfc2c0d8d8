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

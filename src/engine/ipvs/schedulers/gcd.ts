/** Euclid's gcd of two positive integers (lib/math/gcd.c gives the same values). */
export function gcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

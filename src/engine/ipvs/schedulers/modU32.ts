/**
 * `x % m` for an unsigned 32-bit `x` (above 2^31 a double to V8, whose `%` on doubles is a call
 * to C's fmod, ~20 ns) and an integer 1 ≤ m < 2^32: a division, a floor and a multiply instead.
 * Exact: the quotient rounds up to an integer k only if k·m − x < x·2^-53 < 1, yet k·m − x ≥ 1
 * whenever x/m < k; so the floor is the true quotient and x − q·m (< 2^32) is exact.
 */
export function modU32(x: number, m: number): number {
  return x - Math.floor(x / m) * m;
}

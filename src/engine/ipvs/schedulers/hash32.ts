/** GOLDEN_RATIO_32 from include/linux/hash.h. */
export const GOLDEN_RATIO_32 = 0x61c88647;

/** Kernel hash_32(val, bits): top `bits` bits of the 32-bit product val·GOLDEN_RATIO_32. */
export function hash32(val: number, bits: number): number {
  return Math.imul(val, GOLDEN_RATIO_32) >>> (32 - bits);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { modU32 } from './modU32';

const exact = (x: number, m: number): number => Number(BigInt(x) % BigInt(m));

describe('modU32', () => {
  it('is x % m for every unsigned 32-bit x and integer modulus', () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.integer({ min: 1, max: 0xffffffff }), (x, m) => {
        expect(modU32(x, m)).toBe(exact(x, m));
      }),
      { numRuns: 20000 },
    );
  });

  it('is exact next to multiples of the modulus, where the quotient is closest to rounding up', () => {
    for (const m of [1, 2, 3, 7, 4093, 4092, 65537, 655351, 0x7fffffff, 0x80000001, 0xfffffffe, 0xffffffff]) {
      const top = Math.floor(0xffffffff / m);
      for (const k of [1, 2, top - 1, top]) {
        for (const x of [k * m - 1, k * m, k * m + 1]) {
          if (x < 0 || x > 0xffffffff) continue;
          expect(modU32(x, m)).toBe(exact(x, m));
        }
      }
    }
    expect(modU32(0xffffffff, 4093)).toBe(0xffffffff % 4093);
  });
});

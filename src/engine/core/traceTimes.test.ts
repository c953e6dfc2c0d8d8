/**
 * The 2-byte time column gives back every time exactly (Object.is: -0 and fractions included)
 * across checkpoints, gaps too wide for a delta, truncation and sealing.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { TraceTimes } from './traceTimes';

/** The next time: mostly µs after the last (a request), sometimes a long gap, a fraction, -0, a step back. */
const step = fc.oneof(
  { weight: 6, arbitrary: fc.nat(200).map((d) => (t: number) => t + d) },
  fc.integer({ min: 65_000, max: 70_000 }).map((d) => (t: number) => t + d),
  fc.constantFrom(
    (t: number) => t + 0.5,
    (t: number) => t + 0.1,
    () => -0,
    () => 0,
    (t: number) => t - 3,
    (t: number) => t + 2 ** 40,
    (t: number) => t + 65_534,
    (t: number) => t + 65_535,
  ),
);

describe('TraceTimes', () => {
  test('thousands of fuzzed times come back exactly, before and after a cut and a seal', () => {
    const seed = fuzzSeed();
    try {
      fc.assert(
        fc.property(
          fc.array(step, { minLength: 1, maxLength: 300 }),
          fc.nat(),
          fc.boolean(),
          (steps, cut, seal) => {
            const times: number[] = [];
            let t = 1_000;
            for (const s of steps) times.push((t = s(t)));
            const col = new TraceTimes(seal ? 16 : undefined);
            times.forEach((x) => col.push(x));
            if (seal) col.seal();
            times.forEach((x, i) => expect(Object.is(col.at(i), x)).toBe(true));
            const keep = cut % times.length;
            col.truncate(keep);
            const again = times.slice(keep).map((x) => x + 7);
            again.forEach((x) => col.push(x));
            [...times.slice(0, keep), ...again].forEach((x, i) => expect(Object.is(col.at(i), x)).toBe(true));
          },
        ),
        { seed, numRuns: 500 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('a request-like run costs 2 bytes per event and a checkpoint per 64', () => {
    const col = new TraceTimes();
    for (let i = 0; i < 6400; i++) col.push(1_000_000 + i * 37);
    expect(col.bytes()).toBe(6400 * 2 + 100 * 8);
  });
});

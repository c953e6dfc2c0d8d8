import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { LinkQueue, wireBytes } from './linkQueue';

/** The slot `take` gives a frame, as an object; undefined when the queue drops it. */
const enqueue = (q: LinkQueue, now: number, bytes: number) =>
  q.take(now, bytes) ? { startUs: q.slotStartUs, endUs: q.slotEndUs } : undefined;

const gbit = (limit = 1000) =>
  new LinkQueue(
    () => 1000,
    () => limit,
  );

describe('a link sends frames at its line rate from a bounded FIFO', () => {
  test('a full-size frame takes 1538 × 8 bits / 1 Gbit/s = 12.304 µs, rounded up', () => {
    expect(wireBytes(1514)).toBe(1538);
    expect(wireBytes(42)).toBe(84); // padded to 60, plus preamble, FCS and gap
    expect(enqueue(gbit(), 50, 1538)).toEqual({ startUs: 50, endUs: 63 });
  });

  test('back to back, sub-microsecond remainders add up without drift', () => {
    const q = gbit(5000);
    let last = { startUs: 0, endUs: 0 };
    for (let i = 0; i < 1000; i++) last = enqueue(q, 0, 1538)!;
    // 1000 × 12.304 µs = 12 304 µs exactly; rounding each frame would give 13 000.
    expect(last.endUs).toBe(12_304);
    expect(last.startUs).toBe(12_292); // 999 × 12.304 = 12 291.696, the first bit leaves in µs 12 292
  });

  test('txqueuelen frames may wait behind the one on the wire; the next is dropped', () => {
    const q = gbit(3);
    const slots = Array.from({ length: 6 }, () => enqueue(q, 0, 1538));
    expect(slots.map((s) => s !== undefined)).toEqual([true, true, true, true, false, false]);
    expect(q.backlog(0)).toBe(3);
    // Once the first has gone and the second is on the wire, one place is free again.
    expect(q.backlog(13)).toBe(2);
    expect(enqueue(q, 13, 1538)).toBeDefined();
  });

  test('an idle link starts a frame at once', () => {
    const q = gbit();
    enqueue(q, 0, 84);
    expect(enqueue(q, 1000, 1538)).toEqual({ startUs: 1000, endUs: 1013 });
  });

  test('fuzz: FIFO, never busier than the line rate, never more than the limit waiting', () => {
    const seed = fuzzSeed();
    const arb = fc.record({
      mbps: fc.constantFrom(10, 100, 1000, 10_000),
      limit: fc.integer({ min: 0, max: 20 }),
      frames: fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 60, max: 9018 })), {
        minLength: 1,
        maxLength: 60,
      }),
    });
    try {
      fc.assert(
        fc.property(arb, ({ mbps, limit, frames }) => {
          const q = new LinkQueue(
            () => mbps,
            () => limit,
          );
          // The oracle counts in bit times (1 / rate µs), where every time is a whole number.
          let now = 0;
          let endU = 0;
          const starts: number[] = [];
          for (const [gap, len] of frames) {
            now += gap;
            const nowU = now * mbps;
            const waiting = starts.filter((t) => t > nowU).length;
            const accept = endU <= nowU || waiting < limit;
            expect(q.backlog(now)).toBe(waiting);
            const s = enqueue(q, now, wireBytes(len));
            expect(s !== undefined).toBe(accept);
            if (!s) continue;
            const startU = Math.max(nowU, endU);
            endU = startU + wireBytes(len) * 8;
            starts.push(startU);
            expect(s).toEqual({ startUs: Math.ceil(startU / mbps), endUs: Math.ceil(endU / mbps) });
          }
        }),
        { numRuns: 2000, seed },
      );
    } catch (e) {
      console.error(`link queue fuzz failed with FUZZ_SEED=${seed}`);
      throw e;
    }
  });
});

import fc from 'fast-check';
import { expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { CHECKPOINT_COST, checkpointsFor, ENTRY_COST, MAX_SPARES, SPARE_EVENTS } from './checkpointPlan';
import type { LogShape } from './checkpointPlan';

/** A log of `sizes[i]` events per entry after a setup of `start` events. */
function shapeOf(sizes: readonly number[], start = 300): LogShape {
  let t = start;
  return { start, ends: sizes.map((n) => (t += n)) };
}

const events = (s: LogShape, p: number) => (p === 0 ? s.start : s.ends[p - 1]!);
const sizes = fc.array(fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 100, max: 20_000 })), {
  maxLength: 400,
});

test('checkpoints lie inside the log, newest first, with 0 among them and within the bounds', () => {
  expect(checkpointsFor(shapeOf([]))).toEqual([]);
  expect(checkpointsFor(shapeOf([150]))).toEqual([0]);
  fc.assert(
    fc.property(sizes, (xs) => {
      const s = shapeOf(xs);
      const c = checkpointsFor(s);
      if (xs.length === 0) {
        expect(c).toEqual([]);
        return;
      }
      expect(c[c.length - 1]).toBe(0);
      expect([...c].sort((a, b) => b - a)).toEqual(c);
      expect(new Set(c).size).toBe(c.length);
      expect(c.length).toBeLessThanOrEqual(MAX_SPARES + 1);
      for (const p of c) expect(p).toBeLessThan(xs.length);
      // Over the events budget only when the newest alone is (it is kept regardless).
      const held = c.reduce((sum, p) => sum + events(s, p), 0);
      if (c.length > 2) expect(held).toBeLessThanOrEqual(SPARE_EVENTS + s.start);
    }),
    { seed: fuzzSeed(), numRuns: 1000 },
  );
});

test('the newest checkpoint is never more than one grid step of work before the log end', () => {
  fc.assert(
    fc.property(sizes, (xs) => {
      const s = shapeOf(xs);
      const c = checkpointsFor(s);
      if (xs.length < 2) return;
      // Work from the newest checkpoint to the last entry's start: less than a step plus one entry.
      const cost = (p: number) => events(s, p) - s.start + p * ENTRY_COST;
      const last = xs.length - 1;
      const biggest = Math.max(...xs.map((n) => n + ENTRY_COST));
      expect(cost(last) - cost(c[0]!)).toBeLessThan(CHECKPOINT_COST + biggest);
    }),
    { seed: fuzzSeed() + 1, numRuns: 1000 },
  );
});

test('a log too long for the events budget keeps the newest checkpoint and 0', () => {
  const s = shapeOf(Array.from({ length: 40 }, () => 15_000)); // 100 requests each
  expect(checkpointsFor(s)).toEqual([39, 0]);
});

test('long commands get checkpoints closer together in commands than short ones', () => {
  const loops = checkpointsFor(shapeOf(Array.from({ length: 40 }, () => 2_000))); // ~13 requests each
  const quick = checkpointsFor(shapeOf(Array.from({ length: 40 }, () => 10)));
  // Every other loop is a checkpoint's worth of work; 40 quick commands are barely one step.
  expect(loops.length).toBeGreaterThanOrEqual(6);
  expect(loops[0]).toBe(39);
  expect(quick).toEqual([30, 0]);
});

test('a checkpoint depends only on the log before it: growing the log moves them only now and then', () => {
  const xs = Array.from({ length: 600 }, (_, i) => (i % 7 === 0 ? 2_000 : 150));
  let moves = 0;
  let last = checkpointsFor(shapeOf(xs.slice(0, 1)));
  for (let n = 2; n <= xs.length; n++) {
    const c = checkpointsFor(shapeOf(xs.slice(0, n)));
    if (JSON.stringify(c) !== JSON.stringify(last)) moves++;
    last = c;
  }
  // Each move costs a spare built in idle time; one per grid step at most (~220 steps here).
  const steps = Math.ceil((xs.reduce((a, b) => a + b + ENTRY_COST, 0) - 0) / CHECKPOINT_COST);
  expect(moves).toBeLessThanOrEqual(steps + 1);
  expect(moves).toBeGreaterThan(10);
});

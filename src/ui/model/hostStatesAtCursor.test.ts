import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import type { TraceEvent, TraceLog } from '@/engine';
import { engine, loadEngine } from '@/store/engine';
import { withSeed } from './fuzzSeed';
import { hostStatesAtCursor } from './hostStatesAtCursor';

let json = '';
beforeAll(async () => {
  await loadEngine();
  const rt = engine().LabRuntime.create('nat', { seed: 1 });
  for (let i = 0; i < 4; i++) rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
  rt.exec({ host: 'director', command: 'ip addr add 10.9.9.9/24 dev eth0' });
  rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
  json = JSON.stringify(rt.trace.slice());
});

/** The trace as the page holds it, counting the events read. */
function counted(): TraceLog & { reads: number } {
  const events = JSON.parse(json) as TraceEvent[];
  const log = {
    reads: 0,
    length: events.length,
    at(i: number) {
      log.reads++;
      return events[i];
    },
    slice: (from?: number, to?: number) => events.slice(from, to),
    [Symbol.iterator]: () => events[Symbol.iterator](),
  };
  return log;
}

test('views reading at their own cursors, in any order, each get the fold from 0 at theirs', () => {
  withSeed((seed) =>
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }), (at) => {
        const trace = counted();
        const plain = JSON.parse(json) as TraceEvent[];
        for (const x of at) {
          const c = Math.floor(x * trace.length);
          expect(hostStatesAtCursor(trace, c)).toEqual(engine().hostStatesAt(plain, c));
        }
      }),
      { numRuns: 60, seed },
    ),
  );
});

test('a cursor a little behind another does not send the fold back to 0 each time', () => {
  // The topology at the playback cursor, the inspector at a settled cursor behind it, in turn.
  const trace = counted();
  const n = trace.length;
  const steps = 40;
  for (let k = 1; k <= steps; k++) {
    const live = Math.floor((k / steps) * n);
    hostStatesAtCursor(trace, live);
    hostStatesAtCursor(trace, Math.max(0, live - Math.floor(n / steps) * 2));
  }
  // One walk to the end for each of the two folds, not one per step.
  expect(trace.reads).toBeLessThan(3 * n);
  expect(n).toBeGreaterThan(500);
});

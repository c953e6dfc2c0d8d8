import fc from 'fast-check';
import { beforeAll, expect, test } from 'vitest';
import type { TraceEvent, TraceLog } from '@/engine';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { engine, loadEngine } from '../engine';
import { SplicedLog } from './splicedLog';

beforeAll(async () => {
  await loadEngine();
});

/** Splice k's events are timed a little later than the first trace's (k + 1 µs): a time read from the wrong log shows. */
const ev = (i: number, tag: string, k = -1): TraceEvent =>
  ({
    kind: 'cmd.out',
    host: 'client',
    text: `${tag}${i}`,
    t: i * 100 + k + 1,
    seq: i,
  }) as unknown as TraceEvent;

/** A model of the mirror: a plain array truncated and appended the same way. */
type Op = { keep: number; add: number } | { truncate: number };

test('splices of splices read (events, kinds, times) as the plain array that was truncated and appended the same way', () => {
  const op = fc.oneof(
    fc.record({ keep: fc.nat(60), add: fc.nat(30) }),
    fc.record({ truncate: fc.nat(60) }),
  ) as fc.Arbitrary<Op>;
  fc.assert(
    fc.property(fc.array(op, { maxLength: 20 }), (ops) => {
      const first = new (engine().TraceBuffer)();
      for (let i = 0; i < 40; i++) first.append(ev(i, 'a'));
      let log: TraceLog & { append(e: TraceEvent): void; truncate(n: number): void } = first;
      let model = first.slice();
      ops.forEach((o, k) => {
        if ('truncate' in o) {
          log.truncate(o.truncate);
          model = model.slice(0, o.truncate);
          return;
        }
        const keep = Math.min(o.keep, model.length);
        log = new SplicedLog(log, keep, new (engine().TraceBuffer)());
        model = model.slice(0, keep);
        for (let j = 0; j < o.add; j++) {
          const e = ev(model.length, `s${k}-`, k);
          log.append(e);
          model.push(e);
        }
      });
      expect(log.length).toBe(model.length);
      expect(JSON.stringify(log.slice())).toBe(JSON.stringify(model));
      expect(JSON.stringify([...log])).toBe(JSON.stringify(model));
      expect(log.at(-1)?.seq).toBe(model.length > 0 ? model.length - 1 : undefined);
      expect(log.at(model.length)).toBeUndefined();
      const kindAt = (log as unknown as { kindAt(i: number): string | undefined }).kindAt.bind(log);
      expect(model.map((_, i) => kindAt(i))).toEqual(model.map((e) => e.kind));
      expect(kindAt(model.length)).toBeUndefined();
      // Times without building events (playback's searches): the same as the events'.
      expect(model.map((_, i) => log.timeAt!(i))).toEqual(model.map((e) => e.t));
      expect(log.timeAt!(model.length)).toBeUndefined();
    }),
    { seed: fuzzSeed(), numRuns: 300 },
  );
});

/**
 * lc, wlc, sed, nq, fo, ovf and twos record no params object: their params are made when read,
 * from the counters the decision recorded (winnerParams.ts, twos.ts). Read after the dests
 * changed, they must be what the scheduler computed from the live dests when it decided, with
 * the keys in the same order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import type { Dest } from '../types';
import { RecordedExplanation } from './explain';
import { connOverhead, sedOverhead } from './overhead';
import { SCHEDULERS } from './registry';
import { schedService } from '../../testing/schedulers';

/** What each scheduler's params were, from the winner (and the list) at the decision. */
const EXPECTED: Record<string, (w: Dest, all: readonly Dest[]) => object> = {
  lc: (w) => ({ cost: connOverhead(w) }),
  wlc: (w) => ({ cost: connOverhead(w), weight: w.weight }),
  sed: (w) => ({ cost: sedOverhead(w), weight: w.weight }),
  nq: (w) => ({ cost: sedOverhead(w), weight: w.weight }),
  fo: (w) => ({ weight: w.weight }),
  ovf: (w) => ({ weight: w.weight, active: w.activeconns }),
};

const usable = (d: Dest) => !d.overloaded && d.weight > 0;

/** twos's draw r lands on the first usable dest whose running weight sum reaches r. */
function landing(all: readonly Dest[], r: number): string {
  for (const d of all) if (usable(d) && (r -= d.weight) <= 0) return d.key;
  throw new Error('draw past the total');
}

const dest = fc.record({
  weight: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 65535 })),
  active: fc.integer({ min: 0, max: 3000 }),
  inactive: fc.integer({ min: 0, max: 3000 }),
  overloaded: fc.boolean(),
});
const scenario = fc.record({
  dests: fc.array(dest, { minLength: 1, maxLength: 8 }),
  picks: fc.array(fc.record({ client: fc.nat(50), later: fc.array(dest, { maxLength: 8 }) }), {
    minLength: 1,
    maxLength: 6,
  }),
});

describe('params derived from the recorded counters', () => {
  const seed = fuzzSeed();
  for (const name of [...Object.keys(EXPECTED), 'twos'])
    it(`${name}: params read later are the ones computed at the decision (FUZZ_SEED=${seed})`, () => {
      let won = 0;
      fc.assert(
        fc.property(scenario, (s) => {
          const t = schedService(SCHEDULERS.get(name)!);
          t.ctx.lazyExplain = true;
          s.dests.forEach((d, i) => t.add({ addr: `10.0.3.${i + 1}`, ...d }));
          for (const p of s.picks) {
            const r = t.pick({ saddr: `10.9.1.${p.client}` });
            const ex = r.explanation!;
            expect(ex).toBeInstanceOf(RecordedExplanation);
            let want: object = {};
            if (r.dest && name === 'twos') {
              const all = t.dests;
              const params = ex.params as { weightSum: number; r1: number; r2: number };
              const sum = all.filter(usable).reduce((a, d) => a + d.weight, 0);
              want = {
                weightSum: sum,
                r1: params.r1,
                r2: params.r2,
                choice1: landing(all, params.r1),
                choice2: landing(all, params.r2),
              };
              expect(params.r1).toBeLessThanOrEqual(sum);
              expect(params.r2).toBeLessThanOrEqual(sum);
            } else if (r.dest) want = EXPECTED[name]!(r.dest, t.dests);
            const json = JSON.stringify(want);
            if (r.dest) won++;
            // Every counter changes before the explanation is read.
            t.dests.forEach((d, i) => {
              const l = p.later[i];
              if (!l) return;
              Object.assign(d, { activeconns: l.active, inactconns: l.inactive, overloaded: l.overloaded });
              t.edit(d, l.weight);
            });
            expect(JSON.stringify(ex.params)).toBe(json);
            expect(JSON.stringify(JSON.parse(JSON.stringify(ex)).params)).toBe(json);
            // One object per record, however often it is read.
            expect(ex.params).toBe(ex.params);
          }
        }),
        { numRuns: 120, seed },
      );
      expect(won).toBeGreaterThan(50);
    });
});

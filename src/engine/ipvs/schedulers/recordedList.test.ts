/**
 * A recorded explanation keeps the dest list as the decision saw it. Back-to-back decisions on one
 * service reuse one copy of the list, which the engine's ipvsadm -a/-d make stale (they announce
 * it: destListChanged). Whatever comes and goes afterwards, each decision's candidates must be
 * the list and counters of its own moment.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { realDest, schedService } from '../../testing/schedulers';
import { createRng } from '../../core/rng';
import { rr } from './rr';
import { SCHEDULERS } from './registry';
import type { Candidate, Dest, SchedContext } from '../types';

type Op =
  | { t: 'pick'; saddr: number }
  | { t: 'add'; addr: number; weight: number }
  | { t: 'del'; which: number }
  | { t: 'load'; which: number; active: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({ t: fc.constant('pick' as const), saddr: fc.integer({ min: 0, max: 20 }) }),
    weight: 5,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('add' as const),
      addr: fc.integer({ min: 1, max: 9 }),
      weight: fc.integer({ min: 0, max: 4 }),
    }),
    weight: 2,
  },
  { arbitrary: fc.record({ t: fc.constant('del' as const), which: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({
      t: fc.constant('load' as const),
      which: fc.nat(),
      active: fc.integer({ min: 0, max: 5 }),
    }),
    weight: 1,
  },
);

/** What a candidate shows of its dest, taken from the live dests at decision time. */
type Seen = Pick<Candidate, 'dest' | 'weight' | 'active' | 'inactive' | 'overloaded'>;

describe('recorded dest lists', () => {
  const seed = fuzzSeed();
  for (const name of ['rr', 'wlc', 'sh']) {
    it(`${name}: each decision lists the dests of its moment, after adds and deletes`, () => {
      let picks = 0;
      let changes = 0;
      try {
        fc.assert(
          fc.property(fc.array(op, { minLength: 1, maxLength: 60 }), (ops) => {
            const t = schedService(SCHEDULERS.get(name)!);
            t.add({ addr: '10.0.2.1', weight: 1 });
            const taken: { seen: Seen[]; read: () => Candidate[] }[] = [];
            for (const o of ops) {
              if (o.t === 'pick') {
                const seen = t.dests.map((d) => ({
                  dest: d.key,
                  weight: d.weight,
                  active: d.activeconns,
                  inactive: d.inactconns,
                  overloaded: d.overloaded,
                }));
                const ex = t.pick({ saddr: `10.9.0.${o.saddr}` }).explanation!;
                taken.push({ seen, read: () => ex.candidates });
                picks++;
              } else if (o.t === 'add') {
                const addr = `10.0.2.${o.addr}`;
                const gone = t.ipvs.trash.find((x) => x.svc === t.svc && x.dest.addr === addr);
                if (t.dests.some((d) => d.addr === addr)) continue;
                if (gone) t.readd(gone.dest);
                else t.add({ addr, weight: o.weight });
                changes++;
              } else if (o.t === 'del') {
                const d = t.dests[o.which % Math.max(1, t.dests.length)];
                if (d) t.del(d);
                changes++;
              } else {
                const d = t.dests[o.which % Math.max(1, t.dests.length)];
                if (d) d.activeconns = o.active;
              }
            }
            for (const { seen, read } of taken)
              expect(
                read().map(({ dest, weight, active, inactive, overloaded }) => ({
                  dest,
                  weight,
                  active,
                  inactive,
                  overloaded,
                })),
              ).toEqual(seen);
          }),
          { numRuns: 150, seed },
        );
      } catch (e) {
        console.error(`recordedList: FUZZ_SEED=${seed}`);
        throw e;
      }
      expect(picks).toBeGreaterThan(200);
      expect(changes).toBeGreaterThan(100);
    });
  }

  it("a list nobody announces (a view's, a test's) is compared each time: a change in place is seen", () => {
    // Engine dests, in a list of the test's own that no ipvsadm call ever announces.
    const dest = (n: number): Dest => realDest({ addr: `10.0.3.${n}` });
    const svc = {
      dests: [dest(1), dest(2)],
      flags: { flag1: false, flag2: false, flag3: false },
      protocol: 'tcp' as const,
    };
    const ctx: SchedContext = {
      now: 0,
      rng: createRng(1),
      lblcExpiration: 0,
      lblcrExpiration: 0,
      explain: true,
      lazyExplain: true,
    };
    const pkt = { saddr: '10.9.0.1', sport: 1, daddr: '10.0.0.1', dport: 80 };
    const decide = () => rr.schedule(rr.createState(svc), svc, pkt, ctx).explanation!;
    const before = decide();
    const again = decide();
    svc.dests.unshift(dest(3));
    const after = decide();
    expect(before.candidates.map((c) => c.dest)).toEqual(['10.0.3.1:80', '10.0.3.2:80']);
    expect(again.candidates.map((c) => c.dest)).toEqual(['10.0.3.1:80', '10.0.3.2:80']);
    expect(after.candidates.map((c) => c.dest)).toEqual(['10.0.3.3:80', '10.0.3.1:80', '10.0.3.2:80']);
  });
});

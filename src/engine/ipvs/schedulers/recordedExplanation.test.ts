/**
 * The real path records explanations (counters now, candidate list when read). Whatever happens
 * to the dests afterwards, a recorded explanation must read exactly as the one built at once.
 */
import { execSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Explanation } from '../types';
import { plainExplanation, RecordedExplanation } from './explain';
import { SCHEDULERS } from './registry';
import { schedService } from '../../testing/schedulers';

function fuzzSeed(): number {
  const env = process.env['FUZZ_SEED'];
  if (env !== undefined && env !== '') return Number(env) | 0;
  try {
    return parseInt(execSync('git rev-parse HEAD', { encoding: 'utf8' }).slice(0, 8), 16) | 0;
  } catch {
    return 20191210;
  }
}

type Op =
  | { t: 'pick'; saddr: number; daddr: number; sport: number; connect: boolean }
  | { t: 'load'; which: number; active: number; inactive: number; overloaded: boolean }
  | { t: 'edit'; which: number; weight: number }
  | { t: 'del'; which: number };

const small = fc.integer({ min: 0, max: 6 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      t: fc.constant('pick' as const),
      saddr: fc.integer({ min: 0, max: 40 }),
      daddr: fc.integer({ min: 0, max: 4 }),
      sport: fc.integer({ min: 1024, max: 1030 }),
      connect: fc.boolean(),
    }),
    weight: 6,
  },
  {
    arbitrary: fc.record({
      t: fc.constant('load' as const),
      which: fc.nat(),
      active: small,
      inactive: small,
      overloaded: fc.boolean(),
    }),
    weight: 3,
  },
  { arbitrary: fc.record({ t: fc.constant('edit' as const), which: fc.nat(), weight: small }), weight: 1 },
  { arbitrary: fc.record({ t: fc.constant('del' as const), which: fc.nat() }), weight: 1 },
);

const scenario = fc.record({
  flag1: fc.boolean(),
  flag2: fc.boolean(),
  dests: fc.array(fc.record({ weight: small, active: small, inactive: small, overloaded: fc.boolean() }), {
    minLength: 1,
    maxLength: 8,
  }),
  ops: fc.array(op, { maxLength: 40 }),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** One service per mode, driven identically; returns each pick's explanations side by side. */
function run(name: string, s: Scenario): { eager: Explanation; recorded: Explanation }[] {
  const sched = SCHEDULERS.get(name)!;
  const make = (lazy: boolean) => {
    const t = schedService(sched, { flag1: s.flag1, flag2: s.flag2 });
    t.ctx.lazyExplain = lazy;
    s.dests.forEach((d, i) => t.add({ addr: `10.0.2.${i + 1}`, ...d }));
    return t;
  };
  const both = [make(false), make(true)] as const;
  const out: { eager: Explanation; recorded: Explanation }[] = [];
  for (const o of s.ops) {
    if (o.t === 'pick') {
      const pkt = { saddr: `10.9.0.${o.saddr}`, sport: o.sport, daddr: `192.0.2.${o.daddr}` };
      const [e, r] = both.map((t) => t.pick(pkt));
      expect(r!.dest?.key).toBe(e!.dest?.key);
      out.push({ eager: e!.explanation!, recorded: r!.explanation! });
      if (o.connect) for (const x of [e!, r!]) if (x.dest) x.dest.activeconns++;
      continue;
    }
    for (const t of both) {
      const d = t.svc.dests[o.which % Math.max(1, t.svc.dests.length)];
      if (!d) continue;
      if (o.t === 'load')
        Object.assign(d, { activeconns: o.active, inactconns: o.inactive, overloaded: o.overloaded });
      else if (o.t === 'edit') t.edit(d, o.weight);
      else t.del(d);
    }
  }
  return out;
}

describe('recorded explanations read as eager ones', () => {
  const seed = fuzzSeed();
  for (const name of SCHEDULERS.keys()) {
    it(`${name}: same candidates, winner, rule and params, read after the dests changed`, () => {
      let picks = 0;
      try {
        fc.assert(
          fc.property(scenario, (s) => {
            for (const { eager, recorded } of run(name, s)) {
              picks++;
              expect(eager).not.toBeInstanceOf(RecordedExplanation);
              expect(recorded).toBeInstanceOf(RecordedExplanation);
              expect(JSON.parse(JSON.stringify(recorded))).toEqual(JSON.parse(JSON.stringify(eager)));
              expect(plainExplanation(recorded)).toEqual(eager);
              expect(recorded.candidates).toBe(recorded.candidates);
            }
          }),
          { numRuns: 150, seed },
        );
      } catch (e) {
        console.error(`recordedExplanation: FUZZ_SEED=${seed}`);
        throw e;
      }
      expect(picks).toBeGreaterThan(100);
    });
  }
});

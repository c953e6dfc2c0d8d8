/**
 * The engine's pick stores a decision as its packet and one record (schedule.ts), and the
 * explanation's candidate list is derived when read. Read back from the trace after the dests
 * changed, every decision must equal the event the old path emitted: all seven fields, and the
 * explanation built at once from the counters the scheduler saw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { buildTopology, getLab, ipvsAddDest, ipvsAddService, ipvsOf, Sim } from '..';
import type { Ipvs } from './ipvs';
import { pick } from './schedule';
import { schedContext } from './schedContext';
import { SCHEDULERS } from './schedulers/registry';
import { serviceKeyString } from './service';

const small = fc.integer({ min: 0, max: 6 });
const scenario = fc.record({
  dests: fc.array(fc.record({ weight: small, active: small, inactive: small, overloaded: fc.boolean() }), {
    minLength: 1,
    maxLength: 8,
  }),
  picks: fc.array(
    fc.record({
      client: fc.integer({ min: 0, max: 40 }),
      sport: fc.integer({ min: 1024, max: 1030 }),
      // Counters changed after the pick: the record must keep what the scheduler saw.
      which: fc.nat(),
      active: small,
      inactive: small,
      overloaded: fc.boolean(),
    }),
    { minLength: 1, maxLength: 30 },
  ),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** A NAT lab director with one service of `name` and the scenario's dests. */
function director(name: string, s: Scenario): { sim: Sim; ipvs: Ipvs } {
  const def = getLab('nat')!;
  const sim = new Sim(7);
  const host = buildTopology(def, sim).host('director');
  ipvsAddService(host, def.vip, 80, name);
  s.dests.forEach((d, i) => ipvsAddDest(host, def.vip, 80, `192.168.99.${10 + i}`, 80, 'masq', d.weight));
  const ipvs = ipvsOf(host);
  ipvs.services[0]!.dests.forEach((d, j) => {
    const c = s.dests[j]!;
    Object.assign(d, { activeconns: c.active, inactconns: c.inactive, overloaded: c.overloaded });
  });
  return { sim, ipvs };
}

/** Drives two identical directors: one through the engine's pick, one the old way (eager). */
function run(name: string, s: Scenario): { read: unknown[]; old: unknown[] } {
  const fast = director(name, s);
  const slow = director(name, s);
  const vip = getLab('nat')!.vip;
  const from = fast.sim.trace.length;
  const old: unknown[] = [];
  s.picks.forEach((p, n) => {
    const t = { proto: 'TCP' as const, saddr: `10.9.0.${p.client}`, sport: p.sport, daddr: vip, dport: 80 };
    pick(fast.ipvs, fast.ipvs.services[0]!, t, `pkt#${n + 1}`);
    const svc = slow.ipvs.services[0]!;
    const ctx = { ...schedContext(slow.ipvs), lazyExplain: false };
    const r = svc.scheduler.schedule(svc.schedState, svc, { ...t }, ctx);
    const ev = {
      kind: 'ipvs.schedule',
      host: slow.ipvs.host.name,
      pkt: `pkt#${n + 1}`,
      service: serviceKeyString(svc.key),
      scheduler: svc.scheduler.name,
      client: `${t.saddr}:${t.sport}`,
      dest: r.dest?.key ?? null,
      explanation: r.explanation ?? null,
    };
    old.push(JSON.parse(JSON.stringify(ev)));
    for (const { ipvs } of [fast, slow]) {
      const dests = ipvs.services[0]!.dests;
      const d = dests[p.which % dests.length]!;
      Object.assign(d, { activeconns: p.active, inactconns: p.inactive, overloaded: p.overloaded });
    }
  });
  const read: unknown[] = [];
  for (let i = from; i < fast.sim.trace.length; i++) {
    const ev = fast.sim.trace.at(i)!;
    if (ev.kind !== 'ipvs.schedule') continue;
    const { t: _t, seq: _seq, ...rest } = ev as typeof ev & { t: number; seq: number };
    read.push(JSON.parse(JSON.stringify(rest)));
  }
  return { read, old };
}

describe('a decision read back from the trace equals the event the old path built', () => {
  const seed = fuzzSeed();
  for (const name of SCHEDULERS.keys()) {
    it(`${name}: all seven fields, the explanation from the counters the scheduler saw`, () => {
      let picks = 0;
      try {
        fc.assert(
          fc.property(scenario, (s) => {
            const { read, old } = run(name, s);
            expect(read).toHaveLength(s.picks.length);
            expect(read).toEqual(old);
            picks += read.length;
          }),
          { numRuns: 40, seed },
        );
      } catch (e) {
        console.error(`scheduleEvent: FUZZ_SEED=${seed}`);
        throw e;
      }
      expect(picks).toBeGreaterThan(100);
    });
  }
});

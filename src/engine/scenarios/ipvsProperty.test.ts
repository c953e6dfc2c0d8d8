import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { startCurl } from '../apps/curl';
import { SEC } from '../core/sim';
import { addDest, deleteDest, editDest, editService } from '../ipvs/control';
import { ipvsOf } from '../ipvs/ipvs';
import { SCHEDULERS } from '../ipvs/schedulers/registry';
import { configuredNat } from '../testing/configuredLabs';
import { destOpts, svcOpts, tcp } from '../testing/ipvsApi';

const VIP = '172.16.132.18';
const RIPS = ['192.168.99.130', '192.168.99.140'];
const scheds = [...SCHEDULERS.keys()];

type Op =
  | { op: 'add' | 'edit'; rs: number; weight: number; u: number }
  | { op: 'del'; rs: number }
  | { op: 'sched'; name: string }
  | { op: 'curl'; n: number }
  | { op: 'wait'; s: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    op: fc.constantFrom('add' as const, 'edit' as const),
    rs: fc.integer({ min: 0, max: 1 }),
    weight: fc.integer({ min: 0, max: 4 }),
    u: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({ op: fc.constant('del' as const), rs: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ op: fc.constant('sched' as const), name: fc.constantFrom(...scheds) }),
  fc.record({ op: fc.constant('curl' as const), n: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ op: fc.constant('wait' as const), s: fc.integer({ min: 0, max: 200 }) }),
);

describe('IPVS invariants under random operations (fast-check)', () => {
  test('counters never go negative, picks are eligible, every drop has a reason', () => {
    fc.assert(
      fc.property(
        fc.array(opArb, { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1, max: 1000 }),
        (ops, seed) => {
          const l = configuredNat(seed);
          const v = ipvsOf(l.host('director'));
          const key = tcp(VIP, 80);
          for (const o of ops) {
            if (o.op === 'add')
              addDest(v, key, destOpts(RIPS[o.rs]!, 888, 'masq', { weight: o.weight, uThreshold: o.u }));
            else if (o.op === 'edit')
              editDest(v, key, destOpts(RIPS[o.rs]!, 888, 'masq', { weight: o.weight, uThreshold: o.u }));
            else if (o.op === 'del') deleteDest(v, key, RIPS[o.rs]!, 888);
            else if (o.op === 'sched') editService(v, key, svcOpts(o.name));
            else if (o.op === 'curl') {
              for (let i = 0; i < o.n; i++)
                startCurl(l.host('client'), {
                  ip: VIP,
                  port: 80,
                  hostHeader: VIP,
                  path: '/',
                  method: 'GET',
                  maxTimeUs: 2 * SEC,
                });
              l.run(3);
            } else if (o.op === 'wait') l.run(o.s);
            const all = [...v.services.flatMap((s) => s.dests), ...v.trash.map((t) => t.dest)];
            for (const d of all) {
              expect(d.activeconns).toBeGreaterThanOrEqual(0);
              expect(d.inactconns).toBeGreaterThanOrEqual(0);
              expect(d.persistconns).toBeGreaterThanOrEqual(0);
            }
          }
          for (const e of l.events('ipvs.schedule')) {
            if (e.dest === null) continue;
            const d = v.services[0]!.dests.find((x) => x.key === e.dest);
            // The pick was eligible when it was made: present in the service (not trashed then).
            expect(e.explanation).not.toBeNull();
            const ex = e.explanation as {
              winner: string;
              candidates: { dest: string; eligible: boolean; weight: number; overloaded: boolean }[];
            };
            expect(ex.winner).toBe(e.dest);
            const cand = ex.candidates.find((c) => c.dest === e.dest);
            expect(cand?.eligible).toBe(true);
            expect(cand?.weight).toBeGreaterThan(0);
            if (d) expect(d.available).toBe(true);
          }
          for (const e of l.events('drop')) expect(typeof e.reason).toBe('string');
          for (const e of l.events('hook', (h) => h.verdict === 'DROP'))
            expect(l.events('drop', (d) => d.pkt === e.pkt).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60, seed: 42 },
    );
  });
});

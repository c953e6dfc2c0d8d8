/**
 * wrr, lblc, lblcr, dh, sh and mh hand out one params object for equal explanation params
 * (module-level memos of values, shared by every service in the process). A memo must never hand
 * a decision params that are not its own: here two services of different flags and servers
 * interleave their decisions, and every decision of the second must explain itself exactly as
 * the same decisions do in a fresh module, where no other service touched the memos.
 */
import { describe, expect, it, vi } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { createRng } from '../../core/rng';
import type * as Schedulers from '../../testing/schedulers';
import type { SchedFlags, SchedPacket } from '../types';
import type * as RegistryModule from './registry';

type Harness = typeof Schedulers;
type Registry = typeof RegistryModule;

const NAMES = ['wrr', 'lblc', 'lblcr', 'dh', 'sh', 'mh'] as const;

const SERVERS = [1, 2, 3, 4].map((i) => ({ addr: `10.2.0.${i}`, weight: 5 - i, overloaded: i === 2 }));
/** B: port and fallback flags on. */
const B = { flags: { flag1: true, flag2: true } as Partial<SchedFlags>, dests: SERVERS };
/** The other service: the same servers with other flags or weights, or other servers. */
const OTHERS = {
  'same servers, flags off': { flags: {}, dests: SERVERS },
  'same servers, fallback off': { flags: { flag2: true } as Partial<SchedFlags>, dests: SERVERS },
  'same servers, other weights': {
    flags: B.flags,
    dests: SERVERS.map((d) => ({ ...d, weight: d.weight + 1 })),
  },
  'other servers, same flags': {
    flags: B.flags,
    dests: [1, 2, 3].map((i) => ({ addr: `10.1.0.${i}`, weight: i })),
  },
};
type Other = (typeof OTHERS)[keyof typeof OTHERS];

/** Per step: which service decides (true: B) and for which client and destination. */
function steps(seed: number, n: number): { b: boolean; pkt: Partial<SchedPacket> }[] {
  const rng = createRng(seed);
  const out: { b: boolean; pkt: Partial<SchedPacket> }[] = [];
  for (let i = 0; i < n; i++) {
    // Enough clients and destinations that the two services' decisions meet in the memos' slots.
    const c = rng.int(64);
    const d = rng.int(64);
    out.push({
      b: rng.int(2) === 1,
      pkt: { saddr: `10.9.0.${c + 1}`, sport: 40000 + rng.int(3), daddr: `192.168.7.${d + 1}` },
    });
  }
  return out;
}

async function fresh(): Promise<{ h: Harness; r: Registry }> {
  vi.resetModules();
  return { h: await import('../../testing/schedulers'), r: await import('./registry') };
}

/** B's params as JSON, per decision, with A deciding between them when `interleave`. */
function runB(
  h: Harness,
  r: Registry,
  name: string,
  plan: ReturnType<typeof steps>,
  other: Other | undefined,
) {
  const sched = r.getScheduler(name)!;
  const a = other && h.serviceWith(sched, other.flags, other.dests).t;
  const b = h.serviceWith(sched, B.flags, B.dests).t;
  const seen: { params: object; json: string }[] = [];
  for (const s of plan) {
    if (!s.b) {
      a?.pick(s.pkt);
      continue;
    }
    const params = b.pick(s.pkt).explanation!.params;
    seen.push({ params, json: JSON.stringify(params) });
  }
  return seen;
}

describe('explanation params memos', () => {
  const seed = fuzzSeed();
  const plan = steps(seed, 400);

  for (const name of NAMES)
    for (const [what, other] of Object.entries(OTHERS))
      it(`${name}, ${what}: a decision's params are its own (FUZZ_SEED=${seed})`, async () => {
        const before = await fresh();
        const clean = runB(before.h, before.r, name, plan, undefined);
        const { h, r } = await fresh();
        // Warm the memos with both services' decisions first, then interleave again.
        runB(h, r, name, plan, other);
        const mixed = runB(h, r, name, plan, other);
        expect(mixed.map((s) => s.json)).toEqual(clean.map((s) => s.json));
        // No decision changed a shared object after it was handed out.
        for (const s of mixed) expect(JSON.stringify(s.params)).toBe(s.json);
      });

  it('equal params are one object (the memo is used)', async () => {
    const { h, r } = await fresh();
    for (const name of ['dh', 'sh', 'mh']) {
      const t = h.serviceWith(r.getScheduler(name)!, {}, SERVERS).t;
      const first = t.pick().explanation!.params;
      expect(t.pick().explanation!.params, name).toBe(first);
    }
  });
});

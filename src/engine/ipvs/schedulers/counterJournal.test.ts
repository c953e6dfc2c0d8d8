/**
 * The real path writes a dest's counters down only when they change (counterJournal.ts): a
 * decision read back is its chunk's snapshot plus the changes before it. Over thousands of
 * decisions (many chunks) and with dests that two lists share (each list's journal takes them in
 * turn), every decision must read the counters of its own moment.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/rng';
import type { Rng } from '../../core/rng';
import { schedService } from '../../testing/schedulers';
import { schedContext } from '../schedContext';
import type { Candidate, Dest } from '../types';
import { SCHEDULERS } from './registry';
import { rr } from './rr';

type Seen = Pick<Candidate, 'dest' | 'weight' | 'active' | 'inactive' | 'overloaded'>;

const seen = (dests: readonly Dest[]): Seen[] =>
  dests.map((d) => ({
    dest: d.key,
    weight: d.weight,
    active: d.activeconns,
    inactive: d.inactconns,
    overloaded: d.overloaded,
  }));

const shown = (cs: Candidate[]): Seen[] =>
  cs.map(({ dest, weight, active, inactive, overloaded }) => ({
    dest,
    weight,
    active,
    inactive,
    overloaded,
  }));

/** Change 0–3 dests' counters (and now and then a weight or OVERLOAD), as connections would. */
function churn(dests: readonly Dest[], rng: Rng): void {
  const n = rng.int(4);
  for (let k = 0; k < n; k++) {
    const d = dests[rng.int(dests.length)]!;
    const r = rng.int(100);
    if (r < 40) d.activeconns++;
    else if (r < 70) d.inactconns = rng.int(50);
    else if (r < 85) d.activeconns = Math.max(0, d.activeconns - 1);
    else if (r < 95) d.overloaded = !d.overloaded;
    else d.weight = rng.int(5);
  }
}

describe('counter journal', () => {
  for (const name of ['wlc', 'sh', 'mh']) {
    it(`${name}: 5,000 decisions over many chunks each read their own counters`, () => {
      const t = schedService(SCHEDULERS.get(name)!);
      for (let i = 0; i < 10; i++) t.add({ addr: `10.0.4.${i + 1}`, weight: 1 + (i % 3) });
      const rng = createRng(7);
      const taken: { seen: Seen[]; ex: { candidates: Candidate[] } }[] = [];
      for (let i = 0; i < 5000; i++) {
        const s = seen(t.dests);
        taken.push({ seen: s, ex: t.pick({ saddr: `10.9.${i & 7}.${i & 255}` }).explanation! });
        churn(t.dests, rng);
      }
      // Read in reverse, then forwards: reading never changes what another decision reads.
      for (let i = taken.length - 1; i >= 0; i -= 97)
        expect(shown(taken[i]!.ex.candidates)).toEqual(taken[i]!.seen);
      for (const { seen: s, ex } of taken) expect(shown(ex.candidates)).toEqual(s);
    });
  }

  it('dests two lists share: each decision, on either list, reads its own counters', () => {
    const t = schedService(SCHEDULERS.get('rr')!);
    for (let i = 0; i < 4; i++) t.add({ addr: `10.0.5.${i + 1}`, weight: 1 });
    // A list of the test's own holding two of the service's dests, never announced.
    const other = { dests: [t.dests[2]!, t.dests[0]!], flags: t.svc.flags, protocol: 'tcp' as const };
    const ctx = schedContext(t.ipvs); // the director's own, explanations recorded
    const state = rr.createState(other);
    const pkt = { saddr: '10.9.0.1', sport: 1, daddr: '10.0.0.1', dport: 80 };
    const rng = createRng(3);
    const taken: { seen: Seen[]; ex: { candidates: Candidate[] } }[] = [];
    for (let i = 0; i < 600; i++) {
      const onOther = rng.int(2) === 0;
      const list = onOther ? other.dests : t.dests;
      const s = seen(list);
      const ex = onOther ? rr.schedule(state, other, pkt, ctx).explanation! : t.pick().explanation!;
      taken.push({ seen: s, ex });
      churn(t.dests, rng);
    }
    for (const { seen: s, ex } of taken) expect(shown(ex.candidates)).toEqual(s);
  });
});

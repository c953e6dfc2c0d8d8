import { describe, expect, it } from 'vitest';
import type { Rng } from '../../core/rng';
import { serviceWith } from '../../testing/schedulers';
import type { Dest } from '../types';
import { twos, twosPick } from './twos';

/** An rng that replays the given u32 values. */
function replay(...values: number[]): Rng {
  const next = (): number => values.shift() ?? 0;
  return { u32: next, int: next, child: () => replay(), state: () => ({ seed: 0, s: [0, 0, 0, 0] }) };
}

describe('twos', () => {
  it('r = rand % (W+1); walks eligible dests subtracting weights; r=0 → first', () => {
    const {
      t,
      d: [A, B],
    } = serviceWith(twos, {}, [
      { addr: '10.9.0.1', weight: 2 },
      { addr: '10.9.0.2', weight: 3 },
    ]);
    t.ctx.rng = replay(0, 6); // W = 5: r1 = 0 → A, r2 = 6 % 6 = 0 → A
    expect(t.pick().dest).toBe(A);
    t.ctx.rng = replay(3, 5); // r1 = 3 → B (3−2 > 0, 1−3 ≤ 0), r2 = 5 → B
    const r = t.pick();
    expect(r.dest).toBe(B);
    expect(r.explanation).toMatchObject({ rule: 'twos.choice', params: { weightSum: 5, r1: 3, r2: 5 } });
  });

  it('returns choice2 only when it is less loaded per weight', () => {
    const {
      t,
      d: [A, B],
    } = serviceWith(twos, {}, [
      { addr: '10.9.0.1', weight: 1, active: 2 },
      { addr: '10.9.0.2', weight: 1, active: 1 },
    ]);
    t.ctx.rng = replay(0, 2); // choice1 = A, choice2 = B
    expect(t.pick().dest).toBe(B);
    B.activeconns = 2;
    t.ctx.rng = replay(0, 2); // equal load → choice1
    expect(t.pick().dest).toBe(A);
  });

  it('skips weight 0 and OVERLOADed dests in both the sum and the walk', () => {
    const {
      t,
      d: [, , C],
    } = serviceWith(twos, {}, [
      { addr: '10.9.0.1', weight: 0 },
      { addr: '10.9.0.2', weight: 4, overloaded: true },
      { addr: '10.9.0.3', weight: 1 },
    ]);
    for (let i = 0; i < 50; i++) expect(t.pick().dest).toBe(C);
    C.overloaded = true;
    expect(t.pick().explanation?.rule).toBe('none.no-eligible');
  });

  it('is deterministic for a seed and tracks weights roughly', () => {
    const run = () => {
      const {
        t,
        d: [A, B],
      } = serviceWith(twos, {}, [
        { addr: '10.9.0.1', weight: 1 },
        { addr: '10.9.0.2', weight: 3 },
      ]);
      t.ctx.explain = false;
      for (let i = 0; i < 400; i++) t.connect();
      return [A.activeconns, B.activeconns];
    };
    const first = run();
    expect(run()).toEqual(first);
    expect(first[1]! / first[0]!).toBeGreaterThan(2);
  });

  it('draws as the kernel walk does, for small sums (counted) and sums past 2^30 (walked)', () => {
    // The kernel's walk, written out: the first usable dest at which r − Σ weights ≤ 0.
    const walk = (ds: readonly Dest[], r: number): Dest | undefined =>
      ds.find((d) => !d.overloaded && d.weight > 0 && (r -= d.weight) <= 0);
    for (const scale of [1, 1 << 28]) {
      const seen = new Set<Dest>();
      const weights = [3, 0, 1, 4, 2, 0, 5, 1];
      const { d } = serviceWith(
        twos,
        {},
        weights.map((w, i) => ({
          addr: `10.9.0.${i + 1}`,
          weight: w * scale,
          active: (i * 5) % 7,
          overloaded: i === 4,
        })),
      );
      const total = weights.reduce((s, w, i) => s + (i === 4 ? 0 : w * scale), 0);
      for (let r1 = 0; r1 <= total; r1 += scale) {
        const r2 = total - r1;
        const picked = twosPick(d, replay(r1, r2));
        const [c1, c2] = [walk(d, r1)!, walk(d, r2)!];
        const choose2 =
          Math.imul(c2.weight, c1.activeconns * 256 + c1.inactconns) >
          Math.imul(c1.weight, c2.activeconns * 256 + c2.inactconns);
        expect(picked).toBe(choose2 ? c2 : c1);
        seen.add(picked!);
      }
      // Several dests win: both draws and the comparison are exercised.
      expect(seen.size).toBeGreaterThan(2);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Rng } from '../../core/rng';
import { serviceWith } from '../../testing/schedulers';
import { twos } from './twos';

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
});

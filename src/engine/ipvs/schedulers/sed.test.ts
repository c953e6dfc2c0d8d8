import { describe, expect, it } from 'vitest';
import { serviceWith } from '../../testing/schedulers';
import { sed } from './sed';

describe('sed', () => {
  it('minimises (active + 1) / weight and ignores inactive connections', () => {
    const {
      t,
      d: [, B],
    } = serviceWith(sed, {}, [
      { addr: '10.5.0.1', weight: 1, active: 0, inactive: 0 }, // 1/1
      { addr: '10.5.0.2', weight: 3, active: 1, inactive: 900 }, // 2/3
    ]);
    const r = t.pick();
    expect(r.dest).toBe(B);
    expect(r.explanation).toMatchObject({ rule: 'sed.least-expected-delay', params: { cost: 2, weight: 3 } });
    expect(r.explanation?.candidates.map((c) => c.cost)).toEqual([1, 2]);
  });

  it('sends the first connections to the heavier idle server (unlike nq)', () => {
    const {
      t,
      d: [A, B],
    } = serviceWith(sed, {}, [
      { addr: '10.5.0.1', weight: 1 },
      { addr: '10.5.0.2', weight: 4 },
    ]);
    expect([t.connect(), t.connect(), t.connect(), t.connect()]).toEqual([B, B, B, A]);
  });

  it('ties go to the earlier dest; weight 0 and OVERLOADed are never picked', () => {
    const {
      t,
      d: [, , C, D],
    } = serviceWith(sed, {}, [
      { addr: '10.5.0.1', weight: 0 },
      { addr: '10.5.0.2', weight: 2, overloaded: true },
      { addr: '10.5.0.3', weight: 1 },
      { addr: '10.5.0.4', weight: 1 },
    ]);
    expect(t.pick().dest).toBe(C);
    C.overloaded = true;
    D.overloaded = true;
    expect(t.pick().dest).toBeUndefined();
  });
});

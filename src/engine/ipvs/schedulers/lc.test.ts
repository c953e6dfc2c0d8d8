import { describe, expect, it } from 'vitest';
import { lc } from './lc';
import { serviceWith } from '../../testing/schedulers';

describe('lc', () => {
  it('picks the least 256·active + inactive (an active conn outweighs 255 inactive ones)', () => {
    const {
      t,
      d: [, B],
    } = serviceWith(lc, {}, [
      { addr: '10.3.0.1', active: 1, inactive: 0 },
      { addr: '10.3.0.2', active: 0, inactive: 255 },
    ]);
    const r = t.pick();
    expect(r.dest).toBe(B);
    expect(r.explanation).toMatchObject({ rule: 'lc.least-cost', winner: B.key, params: { cost: 255 } });
    expect(r.explanation?.candidates.map((c) => c.cost)).toEqual([256, 255]);
  });

  it('breaks ties towards the list head and ignores weight magnitude', () => {
    const {
      t,
      d: [A, B],
    } = serviceWith(lc, {}, [
      { addr: '10.3.0.1', weight: 1 },
      { addr: '10.3.0.2', weight: 100 },
    ]);
    expect(t.connect()).toBe(A);
    expect(t.connect()).toBe(B);
    expect(t.connect()).toBe(A);
  });

  it('never picks weight 0 or OVERLOADed dests', () => {
    const {
      t,
      d: [, , C],
    } = serviceWith(lc, {}, [
      { addr: '10.3.0.1', weight: 0 },
      { addr: '10.3.0.2', overloaded: true },
      { addr: '10.3.0.3', active: 50 },
    ]);
    expect(t.pick().dest).toBe(C);
    C.overloaded = true;
    const r = t.pick();
    expect(r.dest).toBeUndefined();
    expect(r.explanation?.rule).toBe('none.no-eligible');
    expect(r.explanation?.winner).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { ovf } from './ovf';
import { serviceWith } from '../../testing/schedulers';

describe('ovf', () => {
  it('fills the highest weight up to weight + 1 active conns, then overflows', () => {
    const {
      t,
      d: [A, B],
    } = serviceWith(ovf, {}, [
      { addr: '10.8.0.1', weight: 1 },
      { addr: '10.8.0.2', weight: 3 },
    ]);
    const seq = [...Array(7)].map(() => t.connect());
    expect(seq).toEqual([B, B, B, B, A, A, undefined]);
  });

  it('explains the limit; weight 0 and OVERLOADed are never picked', () => {
    const {
      t,
      d: [, , C],
    } = serviceWith(ovf, {}, [
      { addr: '10.8.0.1', weight: 0 },
      { addr: '10.8.0.2', weight: 4, overloaded: true },
      { addr: '10.8.0.3', weight: 2, active: 2 },
    ]);
    const r = t.pick();
    expect(r.dest).toBe(C);
    expect(r.explanation).toMatchObject({
      rule: 'ovf.highest-weight-under-limit',
      params: { weight: 2, active: 2 },
    });
    expect(r.explanation?.candidates.map((c) => c.eligible)).toEqual([false, false, true]);
    C.activeconns = 3;
    expect(t.pick().explanation?.rule).toBe('none.no-eligible');
  });

  it('ties → earliest in list order', () => {
    const {
      t,
      d: [A],
    } = serviceWith(ovf, {}, [
      { addr: '10.8.0.1', weight: 2 },
      { addr: '10.8.0.2', weight: 2 },
    ]);
    expect(t.pick().dest).toBe(A);
  });
});

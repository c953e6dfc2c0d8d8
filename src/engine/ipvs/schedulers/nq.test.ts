import { describe, expect, it } from 'vitest';
import { nq } from './nq';
import { serviceWith } from '../../testing/schedulers';

describe('nq', () => {
  it('returns the first idle dest in list order, whatever its weight', () => {
    const {
      t,
      d: [, B],
    } = serviceWith(nq, {}, [
      { addr: '10.6.0.1', weight: 10, active: 1 },
      { addr: '10.6.0.2', weight: 1, active: 0, inactive: 40 },
      { addr: '10.6.0.3', weight: 5, active: 0 },
    ]);
    const r = t.pick();
    expect(r.dest).toBe(B);
    expect(r.explanation?.rule).toBe('nq.first-idle');
  });

  it('with no idle dest, falls back to the sed minimum (ties → earliest)', () => {
    const {
      t,
      d: [, B],
    } = serviceWith(nq, {}, [
      { addr: '10.6.0.1', weight: 1, active: 1 }, // 2/1
      { addr: '10.6.0.2', weight: 4, active: 3 }, // 4/4
      { addr: '10.6.0.3', weight: 4, active: 3 }, // 4/4
    ]);
    const r = t.pick();
    expect(r.dest).toBe(B);
    expect(r.explanation?.rule).toBe('nq.least-expected-delay');
  });

  it('spreads the first connections over idle servers before queueing (unlike sed)', () => {
    const {
      t,
      d: [A, B],
    } = serviceWith(nq, {}, [
      { addr: '10.6.0.1', weight: 1 },
      { addr: '10.6.0.2', weight: 4 },
    ]);
    expect([t.connect(), t.connect(), t.connect()]).toEqual([A, B, B]);
  });

  it('an idle dest with weight 0 or OVERLOAD is skipped', () => {
    const {
      t,
      d: [, , C],
    } = serviceWith(nq, {}, [
      { addr: '10.6.0.1', weight: 0 },
      { addr: '10.6.0.2', overloaded: true },
      { addr: '10.6.0.3', active: 7 },
    ]);
    expect(t.pick().dest).toBe(C);
    C.weight = 0;
    expect(t.pick().explanation).toMatchObject({ winner: null, rule: 'none.no-eligible' });
  });
});

import { describe, expect, it } from 'vitest';
import { fo } from './fo';
import { serviceWith } from '../../testing/schedulers';

describe('fo', () => {
  it('sends everything to the highest weight, ignoring connection counts', () => {
    const {
      t,
      d: [, B],
    } = serviceWith(fo, {}, [
      { addr: '10.7.0.1', weight: 2 },
      { addr: '10.7.0.2', weight: 5, active: 1000 },
    ]);
    const r = t.pick();
    expect(r.dest).toBe(B);
    expect(r.explanation).toMatchObject({ rule: 'fo.highest-weight', params: { weight: 5 } });
  });

  it('fails over when the primary is OVERLOADed or quiesced; ties → earliest', () => {
    const {
      t,
      d: [A, B, C],
    } = serviceWith(fo, {}, [
      { addr: '10.7.0.1', weight: 3 },
      { addr: '10.7.0.2', weight: 3 },
      { addr: '10.7.0.3', weight: 9 },
    ]);
    expect(t.pick().dest).toBe(C);
    C.overloaded = true;
    expect(t.pick().dest).toBe(A);
    t.edit(A, 0);
    expect(t.pick().dest).toBe(B);
    B.overloaded = true;
    expect(t.pick().dest).toBeUndefined();
  });
});

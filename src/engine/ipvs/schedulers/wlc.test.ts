import { describe, expect, it } from 'vitest';
import { schedService, serviceWith, namer } from '../../testing/schedulers';
import { wlc } from './wlc';

describe('wlc', () => {
  it('two idle equal-weight dests added RS1 then RS2 → RS2, RS1, RS2', () => {
    const t = schedService(wlc);
    const RS1 = t.add({ addr: '10.4.0.1' });
    const RS2 = t.add({ addr: '10.4.0.2' });
    const name = namer({ RS1, RS2 });
    expect([t.connect(), t.connect(), t.connect()].map(name)).toEqual(['RS2', 'RS1', 'RS2']);
  });

  it('compares overhead/weight by cross-multiplication', () => {
    const {
      t,
      d: [, B],
    } = serviceWith(wlc, {}, [
      { addr: '10.4.0.1', weight: 1, active: 1 }, // 256/1
      { addr: '10.4.0.2', weight: 3, active: 2 }, // 512/3
    ]);
    const r = t.pick();
    expect(r.dest).toBe(B);
    expect(r.explanation).toMatchObject({
      rule: 'wlc.least-weighted-cost',
      params: { cost: 512, weight: 3 },
    });
  });

  it('distributes in proportion to weight', () => {
    const {
      t,
      d: [A, B],
    } = serviceWith(wlc, {}, [
      { addr: '10.4.0.1', weight: 1 },
      { addr: '10.4.0.2', weight: 3 },
    ]);
    for (let i = 0; i < 40; i++) t.connect();
    expect([A.activeconns, B.activeconns]).toEqual([10, 30]);
  });

  it('never picks weight 0 (even idle) or OVERLOADed dests', () => {
    const {
      t,
      d: [, , C],
    } = serviceWith(wlc, {}, [
      { addr: '10.4.0.1', weight: 0 },
      { addr: '10.4.0.2', weight: 5, overloaded: true },
      { addr: '10.4.0.3', weight: 1, active: 100 },
    ]);
    expect(t.pick().dest).toBe(C);
    C.weight = 0;
    expect(t.pick().dest).toBeUndefined();
  });
});

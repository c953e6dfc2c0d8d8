import { describe, expect, it } from 'vitest';
import { makeDest, namer, testService } from './schedTestKit';
import { wlc } from './wlc';

describe('wlc', () => {
  it('two idle equal-weight dests added RS1 then RS2 → RS2, RS1, RS2', () => {
    const t = testService(wlc);
    const RS1 = t.add(makeDest({ addr: '10.4.0.1' }));
    const RS2 = t.add(makeDest({ addr: '10.4.0.2' }));
    const name = namer({ RS1, RS2 });
    expect([t.connect(), t.connect(), t.connect()].map(name)).toEqual(['RS2', 'RS1', 'RS2']);
  });

  it('compares overhead/weight by cross-multiplication', () => {
    const A = makeDest({ addr: '10.4.0.1', weight: 1, active: 1 }); // 256/1
    const B = makeDest({ addr: '10.4.0.2', weight: 3, active: 2 }); // 512/3
    const t = testService(wlc, {}, [A, B]);
    const r = t.pick();
    expect(r.dest).toBe(B);
    expect(r.explanation).toMatchObject({
      rule: 'wlc.least-weighted-cost',
      params: { cost: 512, weight: 3 },
    });
  });

  it('distributes in proportion to weight', () => {
    const A = makeDest({ addr: '10.4.0.1', weight: 1 });
    const B = makeDest({ addr: '10.4.0.2', weight: 3 });
    const t = testService(wlc, {}, [A, B]);
    for (let i = 0; i < 40; i++) t.connect();
    expect([A.activeconns, B.activeconns]).toEqual([10, 30]);
  });

  it('never picks weight 0 (even idle) or OVERLOADed dests', () => {
    const A = makeDest({ addr: '10.4.0.1', weight: 0 });
    const B = makeDest({ addr: '10.4.0.2', weight: 5, overloaded: true });
    const C = makeDest({ addr: '10.4.0.3', weight: 1, active: 100 });
    const t = testService(wlc, {}, [A, B, C]);
    expect(t.pick().dest).toBe(C);
    C.weight = 0;
    expect(t.pick().dest).toBeUndefined();
  });
});

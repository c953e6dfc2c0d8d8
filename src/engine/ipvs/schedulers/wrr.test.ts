import { describe, expect, it } from 'vitest';
import {
  schedService,
  serviceWith,
  namer,
  type DestInit,
  type SchedTestService,
} from '../../testing/schedulers';
import { wrr } from './wrr';

const dest = (last: number, weight: number): DestInit => ({ addr: `10.2.0.${last}`, weight });

function picks(
  t: SchedTestService<ReturnType<typeof wrr.createState>>,
  n: number,
  name: (d: never) => string,
) {
  return [...Array(n)].map(() => name(t.pick().dest as never));
}

describe('wrr', () => {
  it('weights 3,2,1 added A, B, C (list [C,B,A], cw=1): C,B,A,A,B,A,C,B,A,A,B,A', () => {
    const t = schedService(wrr);
    const A = t.add(dest(1, 3));
    const B = t.add(dest(2, 2));
    const C = t.add(dest(3, 1));
    expect(t.state).toMatchObject({ cl: -1, cw: 1, mw: 3, di: 1 });
    expect(picks(t, 12, namer({ A, B, C }))).toEqual('CBAABACBAABA'.split(''));
  });

  it('adds in order C, B, A (list [A,B,C], cw=1): A,B,C,A,A,B,A,B,C,A,A,B', () => {
    const t = schedService(wrr);
    const C = t.add(dest(3, 1));
    const B = t.add(dest(2, 2));
    const A = t.add(dest(1, 3));
    expect(t.state.cw).toBe(1);
    expect(picks(t, 12, namer({ A, B, C }))).toEqual('ABCAABABCAAB'.split(''));
  });

  it('list [A,B,C] with cw = mw = 3 (scheduler switched with dests present): A,A,B,A,B,C,…', () => {
    const {
      t,
      d: [A, B, C],
    } = serviceWith(wrr, {}, [dest(1, 3), dest(2, 2), dest(3, 1)]);
    expect(t.state).toMatchObject({ cl: -1, cw: 3, mw: 3, di: 1 });
    expect(picks(t, 12, namer({ A, B, C }))).toEqual('AABABCAABABC'.split(''));
  });

  it('weights 4,2 added A then B (list [B,A], di=2, mw=3, cw=1): B,A,A,B,A,A', () => {
    const t = schedService(wrr);
    const A = t.add(dest(1, 4));
    expect(t.state).toMatchObject({ di: 4, mw: 1, cw: 1 });
    const B = t.add(dest(2, 2));
    expect(t.state).toMatchObject({ di: 2, mw: 3, cw: 1 });
    expect(picks(t, 6, namer({ A, B }))).toEqual('BAABAA'.split(''));
  });

  it('a fresh empty service has mw = cw = 0 and fails with no-eligible', () => {
    const t = schedService(wrr);
    expect(t.state).toMatchObject({ cw: 0, mw: 0, di: 1 });
    const r = t.pick();
    expect(r.dest).toBeUndefined();
    expect(r.explanation?.rule).toBe('none.no-eligible');
  });

  it('every edit resets the position to the head; cw is kept or realigned to di', () => {
    const {
      t,
      d: [A, B, C],
    } = serviceWith(wrr, {}, [dest(1, 3), dest(2, 2), dest(3, 1)]);
    const name = namer({ A, B, C });
    expect(picks(t, 3, name)).toEqual(['A', 'A', 'B']);
    t.edit(C, 1);
    expect(t.state.cl).toBe(-1);
    expect(picks(t, 3, name)).toEqual(['A', 'B', 'A']);
    // all weights even → di = 2: cw = (cw/di)·di + 1
    t.edit(A, 4);
    t.edit(B, 2);
    t.edit(C, 2);
    expect(t.state).toMatchObject({ di: 2, mw: 3 });
    expect(t.state.cw % 2).toBe(1);
  });

  it('never picks weight 0 while a weight ≥ 1 exists, and skips OVERLOADed dests', () => {
    const {
      t,
      d: [A, B, C],
    } = serviceWith(wrr, {}, [dest(1, 0), dest(2, 2), dest(3, 1)]);
    const name = namer({ A, B, C });
    expect(picks(t, 6, name)).toEqual(['B', 'B', 'C', 'B', 'B', 'C']);
    B.overloaded = true;
    expect(picks(t, 3, name)).toEqual(['C', 'C', 'C']);
  });

  it('all overloaded → none.overloaded, and the explanation carries cw/mw/di', () => {
    const {
      t,
      d: [A, B],
    } = serviceWith(wrr, {}, [dest(1, 3), dest(2, 2)]);
    A.overloaded = true;
    B.overloaded = true;
    const r = t.pick();
    expect(r.dest).toBeUndefined();
    expect(r.explanation?.rule).toBe('none.overloaded');
    B.overloaded = false;
    const ok = t.pick();
    expect(ok.dest).toBe(B);
    expect(ok.explanation).toMatchObject({ winner: B.key, rule: 'wrr.weight-ge-cw' });
    expect(ok.explanation?.params).toMatchObject({ mw: 3, di: 1 });
    expect(ok.explanation?.candidates.map((c) => c.cost)).toEqual([3, 2]);
  });

  it('gives up after one full last pass when the only dests left are overloaded mid-cycle', () => {
    const {
      t,
      d: [A, B],
    } = serviceWith(wrr, {}, [dest(1, 3), dest(2, 1)]);
    expect(t.pick().dest).toBe(A);
    A.overloaded = true;
    B.overloaded = true;
    expect(t.pick().dest).toBeUndefined();
    A.overloaded = false;
    expect(t.pick().dest).toBe(A);
  });
});

import { describe, expect, it } from 'vitest';
import { rr } from './rr';
import { schedService, namer } from '../../testing/schedulers';

function abc() {
  const t = schedService(rr);
  const A = t.add({ addr: '10.1.0.1' });
  const B = t.add({ addr: '10.1.0.2' });
  const C = t.add({ addr: '10.1.0.3' });
  return { t, A, B, C, name: namer({ A, B, C }) };
}

describe('rr', () => {
  it('after adding rs1 then rs2, sends the first connection to rs2 (list head)', () => {
    const t = schedService(rr);
    const rs1 = t.add({ addr: '10.1.0.1' });
    const rs2 = t.add({ addr: '10.1.0.2' });
    const name = namer({ rs1, rs2 });
    expect([1, 2, 3].map(() => name(t.pick().dest))).toEqual(['rs2', 'rs1', 'rs2']);
  });

  it('adds A, B, C → picks C, B, A, C, B, A', () => {
    const { t, name } = abc();
    expect([...Array(6)].map(() => name(t.pick().dest))).toEqual(['C', 'B', 'A', 'C', 'B', 'A']);
  });

  it('ignores weight magnitude but skips weight 0 and OVERLOADed dests', () => {
    const { t, A, B, name } = abc();
    t.edit(A, 100);
    B.overloaded = true;
    expect([...Array(4)].map(() => name(t.pick().dest))).toEqual(['C', 'A', 'C', 'A']);
    t.edit(A, 0);
    expect([...Array(2)].map(() => name(t.pick().dest))).toEqual(['C', 'C']);
  });

  it('deleting the dest the pointer sits on: the next pick is the one after it', () => {
    const { t, B, name } = abc();
    expect([name(t.pick().dest), name(t.pick().dest)]).toEqual(['C', 'B']);
    t.del(B);
    expect([...Array(3)].map(() => name(t.pick().dest))).toEqual(['A', 'C', 'A']);
  });

  it('deleting the head the pointer sits on moves it to the list head sentinel', () => {
    const { t, C, name } = abc();
    expect(name(t.pick().dest)).toBe('C');
    t.del(C);
    expect([...Array(3)].map(() => name(t.pick().dest))).toEqual(['B', 'A', 'B']);
  });

  it('deleting another dest keeps the pointer on its dest', () => {
    const { t, A, name } = abc();
    expect([name(t.pick().dest), name(t.pick().dest)]).toEqual(['C', 'B']);
    t.del(A);
    expect([...Array(3)].map(() => name(t.pick().dest))).toEqual(['C', 'B', 'C']);
  });

  it('a dest added later goes to the head and is reached when the walk wraps', () => {
    const { t, name } = abc();
    expect([name(t.pick().dest), name(t.pick().dest)]).toEqual(['C', 'B']);
    const D = t.add({ addr: '10.1.0.4' });
    const name2 = (d: typeof D | undefined) => (d === D ? 'D' : name(d));
    expect([...Array(5)].map(() => name2(t.pick().dest))).toEqual(['A', 'D', 'C', 'B', 'A']);
  });

  it('returns nothing when no dest is eligible, and explains the walk', () => {
    const { t, A, B, C } = abc();
    for (const d of [A, B, C]) d.overloaded = true;
    const r = t.pick();
    expect(r.dest).toBeUndefined();
    expect(r.explanation?.rule).toBe('none.no-eligible');
    C.overloaded = false;
    const ok = t.pick();
    expect(ok.explanation).toMatchObject({ scheduler: 'rr', winner: C.key, rule: 'rr.next' });
    expect(ok.explanation?.candidates.map((c) => c.eligible)).toEqual([true, false, false]);
  });

  it('decisions from the same pointer share one frozen params object; a changed list gets fresh ones', () => {
    const { t, B } = abc();
    const p = [...Array(6)].map(() => t.pick().explanation!.params);
    expect(p[3]).toEqual({ pointer: 2, pointerDest: '10.1.0.1:80', newPointer: 0 });
    expect(p[4]).toBe(p[1]);
    expect(p[5]).toBe(p[2]);
    expect(p[3]).not.toBe(p[0]);
    expect(Object.isFrozen(p[5])).toBe(true);
    t.del(B);
    // The pointer is 1 again, but on another dest: not the params of before.
    const after = t.pick().explanation!.params;
    expect(after).toEqual({ pointer: 1, pointerDest: '10.1.0.1:80', newPointer: 0 });
    expect(after).not.toBe(p[2]);
  });
});

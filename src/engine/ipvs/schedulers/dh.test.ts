import { describe, expect, it } from 'vitest';
import { dh, dhTable } from './dh';
import { schedService } from '../../testing/schedulers';

function three() {
  const t = schedService(dh);
  const A = t.add({ addr: '10.10.0.1' });
  const B = t.add({ addr: '10.10.0.2', weight: 5 });
  const C = t.add({ addr: '10.10.0.3' });
  return { t, A, B, C };
}

describe('dh', () => {
  it('bucket i belongs to list[i mod n], whatever the weights', () => {
    expect(dhTable(3).slice(0, 7)).toEqual([0, 1, 2, 0, 1, 2, 0]);
    expect(dhTable(0).every((j) => j === -1)).toBe(true);
  });

  it('hashes the packet destination address: 10.0.0.1 → bucket 39 → list[0]', () => {
    const { t, C } = three();
    const r = t.pick({ daddr: '10.0.0.1', saddr: '1.2.3.4' });
    expect(r.dest).toBe(C);
    expect(r.explanation).toMatchObject({ rule: 'dh.bucket', params: { bucket: 39 } });
    expect(r.explanation?.candidates.map((c) => c.cost)).toEqual([39, undefined, undefined]);
    // 10.0.0.2 → 137 → 137 mod 3 = 2 → A; the source address plays no part.
    expect(t.pick({ daddr: '10.0.0.2', saddr: '9.9.9.9' }).dest?.addr).toBe('10.10.0.1');
  });

  it('fails without fallback when the bucket dest has weight 0 or is OVERLOADed', () => {
    const { t, C } = three();
    t.edit(C, 0);
    const r = t.pick({ daddr: '10.0.0.1' });
    expect(r.dest).toBeUndefined();
    expect(r.explanation?.rule).toBe('none.bucket-unavailable');
    t.edit(C, 1);
    C.overloaded = true;
    expect(t.pick({ daddr: '10.0.0.1' }).dest).toBeUndefined();
  });

  it('rebuilds on add and delete, not on edit', () => {
    const { t, B, C } = three();
    const before = t.state.table;
    t.edit(B, 9);
    expect(t.state.table).toBe(before);
    t.del(C);
    expect(t.state.table).not.toBe(before);
    // two dests left: bucket 39 → list[1]
    expect(t.pick({ daddr: '10.0.0.1' }).dest?.addr).toBe('10.10.0.1');
  });

  it('an empty service has empty buckets', () => {
    const t = schedService(dh);
    expect(t.pick().explanation?.rule).toBe('none.bucket-unavailable');
  });
});

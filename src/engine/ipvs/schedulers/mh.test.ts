import { describe, expect, it } from 'vitest';
import { mh } from './mh';
import { ipv4ToU32 } from './ipv4';
import { MH_HASH1, MH_TAB_SIZE, mhHash, mhOffsetSkip, mhShift } from './mhTable';
import { schedService, realDest, namer } from '../../testing/schedulers';

function abc(flags: { flag1?: boolean; flag2?: boolean } = {}) {
  const t = schedService(mh, flags);
  const A = t.add({ addr: '192.168.1.10' });
  const B = t.add({ addr: '192.168.1.11' });
  const C = t.add({ addr: '192.168.1.12' });
  return { t, A, B, C, name: namer({ A, B, C }) };
}

describe('mh', () => {
  it('test vector: offset/skip C 3773/149, B 2340/414, A 2186/43', () => {
    const { A, B, C } = abc();
    expect([C, B, A].map(mhOffsetSkip)).toEqual([
      { offset: 3773, skip: 149 },
      { offset: 2340, skip: 414 },
      { offset: 2186, skip: 43 },
    ]);
  });

  it('test vector: slots C 1365, B 1364, A 1364', () => {
    const { t } = abc();
    expect(t.state.table).toHaveLength(MH_TAB_SIZE);
    const n = [0, 0, 0];
    for (const j of t.state.table) n[j]!++;
    expect(n).toEqual([1365, 1364, 1364]);
  });

  it('test vector: 10.0.0.1 → slot 3711 → A, 10.0.0.2 → 1884 → B, 172.16.0.5 → 82 → A', () => {
    const { t, name } = abc();
    const look = (saddr: string) => {
      const r = t.pick({ saddr });
      return [r.explanation?.params.slot, name(r.dest)];
    };
    expect(look('10.0.0.1')).toEqual([3711, 'A']);
    expect(look('10.0.0.2')).toEqual([1884, 'B']);
    expect(look('172.16.0.5')).toEqual([82, 'A']);
    expect(t.pick({ saddr: '10.0.0.1' }).explanation?.rule).toBe('mh.slot');
  });

  it('weight 0 keeps the slots (last_weight): lookups fail, or fall back with mh-fallback', () => {
    const { t, A, name } = abc();
    t.edit(A, 0);
    const count = t.state.table.filter((j) => t.svc.dests[j] === A).length;
    expect(count).toBe(1364);
    expect(t.pick({ saddr: '10.0.0.1' }).explanation?.rule).toBe('none.bucket-unavailable');
    t.setFlags({ flag1: true });
    const r = t.pick({ saddr: '10.0.0.1' });
    expect(['B', 'C']).toContain(name(r.dest));
    expect(r.explanation?.rule).toBe('mh.fallback');
  });

  it('OVERLOADed dests are unavailable; all unavailable → fallback gives up', () => {
    const { t, A, B, C } = abc({ flag1: true });
    for (const d of [A, B, C]) d.overloaded = true;
    expect(t.pick({ saddr: '10.0.0.1' }).dest).toBeUndefined();
  });

  it('mh-port (flag2) hashes the source port too', () => {
    const { t } = abc({ flag2: true });
    const slots = new Set(
      [1, 2, 3, 4, 5, 6].map((p) => t.pick({ saddr: '10.0.0.1', sport: p }).explanation?.params.slot),
    );
    expect(slots.size).toBeGreaterThan(1);
  });

  it('a client hashing again (remembered, or pushed out of the memo by others) gets the siphash of its address', () => {
    const { t } = abc({ flag2: true });
    // More clients than the memo has slots, twice over: every kind of hit and collision.
    const clients = Array.from({ length: 6000 }, (_, i) => ({
      saddr: `10.${(i * 7919) & 255}.${(i >> 8) & 255}.${i & 255}`,
      sport: 1024 + ((i * 31) % 5000),
    }));
    for (const pass of [0, 1])
      for (let i = pass; i < clients.length; i += 1 + pass) {
        const c = clients[i]!;
        const hash = t.pick(c).explanation?.params.hash;
        expect(hash).toBe(mhHash(ipv4ToU32(c.saddr), c.sport, MH_HASH1, 0));
      }
  });

  it('weights scale the slot share; huge weights are shifted to 6 bits', () => {
    const t = schedService(mh);
    t.add({ addr: '192.168.1.10', weight: 1 });
    t.add({ addr: '192.168.1.11', weight: 3 });
    const n = [0, 0];
    for (const j of t.state.table) n[j]!++;
    expect(n[0]! / n[1]!).toBeGreaterThan(2.5);
    expect(mhShift([realDest({ addr: '1.1.1.1', weight: 1000 })], 1)).toBe(4);
  });

  it('an empty service (or all last_weight 0) has an empty table', () => {
    const t = schedService(mh);
    expect(t.pick().explanation?.rule).toBe('none.bucket-unavailable');
  });
});

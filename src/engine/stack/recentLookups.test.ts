import { describe, expect, test } from 'vitest';
import { RecentLookups } from './recentLookups';

describe('RecentLookups', () => {
  test('answers as the table does, through changes it is told of', () => {
    const table = new Map<string, number>([
      ['eth0', 1],
      ['eth1', 2],
      ['lo', 3],
    ]);
    const m = new RecentLookups(table);
    const ask = (k: string): number | undefined => m.get(k);
    for (let i = 0; i < 3; i++) {
      expect(ask('eth0')).toBe(1);
      expect(ask('eth1')).toBe(2);
    }
    // A third name pushes the oldest out; every answer is still the table's.
    expect(ask('lo')).toBe(3);
    expect(ask('eth0')).toBe(1);
    expect(ask('eth1')).toBe(2);
    // An equal name that is another string object.
    expect(ask(['eth', '1'].join(''))).toBe(2);
    // An absent name is remembered as absent until the table changes.
    expect(ask('eth2')).toBeUndefined();
    table.set('eth2', 4);
    m.clear();
    expect(ask('eth2')).toBe(4);
    // A name re-added with a new value: the old answer is gone once told.
    expect(ask('eth0')).toBe(1);
    table.set('eth0', 5);
    m.clear();
    expect(ask('eth0')).toBe(5);
    table.delete('eth0');
    m.clear();
    expect(ask('eth0')).toBeUndefined();
  });

  test('set: the key set is answered with its new value from either slot, the other answers kept', () => {
    const table = new Map<string, number>([
      ['eth0', 1],
      ['eth1', 2],
    ]);
    const m = new RecentLookups(table);
    const put = (k: string, v: number): void => {
      table.set(k, v);
      m.set(k, v);
    };
    // Absent, remembered so, then set.
    expect(m.get('eth2')).toBeUndefined();
    put('eth2', 3);
    expect(m.get('eth2')).toBe(3);
    // The most recent slot.
    put('eth2', 4);
    expect(m.get('eth2')).toBe(4);
    // The older slot: eth1 asked, then eth2, so eth1 is second.
    expect(m.get('eth1')).toBe(2);
    expect(m.get('eth2')).toBe(4);
    put('eth1', 5);
    expect(m.get('eth1')).toBe(5);
    expect(m.get('eth2')).toBe(4);
    expect(m.get('eth0')).toBe(1);
  });

  test('an undefined key is not mistaken for an empty slot', () => {
    const m = new RecentLookups(new Map<string | undefined, number>([[undefined, 7]]));
    expect(m.get(undefined)).toBe(7);
    expect(m.get(undefined)).toBe(7);
    expect(m.get('x')).toBeUndefined();
  });
});

describe('RecentLookups slots', () => {
  /** A table that counts the lookups the memo passes on. */
  function counted(entries: [string, number][]) {
    const map = new Map(entries);
    const t = { asks: 0, map, get: (k: string) => (t.asks++, map.get(k)) };
    return t;
  }

  test('four names in rotation are answered from the slots; a fifth still gets the table’s answers', () => {
    const names = ['eth0', 'eth1', 'tunl0', 'lo', 'eth2'];
    const t = counted(names.map((n, i) => [n, i]));
    const m = new RecentLookups(t);
    for (let round = 0; round < 3; round++)
      for (const n of names.slice(0, 4)) expect(m.get(n)).toBe(names.indexOf(n));
    expect(t.asks).toBe(4);
    for (let round = 0; round < 3; round++) for (const n of names) expect(m.get(n)).toBe(names.indexOf(n));
  });

  test('set updates a key in any slot; clear forgets every slot', () => {
    const t = counted([
      ['a', 1],
      ['b', 2],
      ['c', 3],
      ['d', 4],
    ]);
    const m = new RecentLookups(t);
    for (const k of ['a', 'b', 'c', 'd']) m.get(k);
    t.map.set('a', 10);
    m.set('a', 10);
    expect(m.get('a')).toBe(10);
    expect(m.get('d')).toBe(4);
    t.map.set('c', 30);
    m.clear();
    expect(m.get('c')).toBe(30);
    expect(m.get('a')).toBe(10);
  });
});

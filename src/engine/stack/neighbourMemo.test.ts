/**
 * NeighTable.get keeps its last lookups (absent ones too) in slots scanned by comparison: the
 * answers must stay the table's through rotation over more next hops than slots, and through
 * entries made and removed (the memo is forgotten then).
 */
import { describe, expect, test } from 'vitest';
import { TestLab } from '../testing/testLab';

const ips = Array.from({ length: 12 }, (_, i) => `10.9.0.${i + 1}`);

describe('NeighTable lookup memo', () => {
  test('an address remembered absent is found once made, and absent again once removed', () => {
    const neigh = new TestLab('tun').host('director').neigh;
    for (let round = 0; round < 2; round++)
      for (const ip of ips) expect(neigh.get('eth0', ip)).toBeUndefined();
    const made = neigh.create('eth0', ips[3]!);
    expect(neigh.get('eth0', ips[3]!)).toBe(made);
    // The same address on another device is another entry.
    expect(neigh.get('eth1', ips[3]!)).toBeUndefined();
    neigh.remove(made, 'admin-delete');
    expect(neigh.get('eth0', ips[3]!)).toBeUndefined();
  });

  test('rotating through more next hops than slots, every answer is the table’s', () => {
    const neigh = new TestLab('tun').host('director').neigh;
    const made = ips.map((ip, i) => (i % 3 === 0 ? neigh.create('eth0', ip) : undefined));
    for (let round = 0; round < 3; round++)
      for (const n of [4, 8, 9, 12])
        for (let i = 0; i < n; i++) expect(neigh.get('eth0', ips[i]!)).toBe(made[i]);
  });
});

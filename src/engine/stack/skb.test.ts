import { describe, expect, test } from 'vitest';
import type { Ipv4Packet } from '../packet/types';
import { newSkb, remakeSkb } from './skb';

const pkt = (dst: string): Ipv4Packet => ({
  proto: 'ipv4',
  tos: 0,
  id: 1,
  df: true,
  mf: false,
  fragOffset: 0,
  ttl: 64,
  protocol: 6,
  src: '10.0.0.1',
  dst,
  payload: { proto: 'raw', hex: '' },
});

describe('remakeSkb', () => {
  test('is the skb newSkb would make for the packet: every field but the id cleared', () => {
    const skb = newSkb('pkt#7', pkt('10.0.0.2'), 'broadcast');
    Object.assign(skb, {
      inDev: 'eth0',
      outDev: 'eth1',
      nexthop: '10.0.0.254',
      rtType: 'local',
      ipvsProperty: true,
      local: true,
      mark: 5,
    });
    const after = pkt('10.0.0.3');
    const same = remakeSkb(skb, after);
    expect(same).toBe(skb);
    // Same keys in the same order (one hidden class), same values: a field added to Skb and not
    // cleared here fails this.
    expect(Object.entries(same)).toEqual(Object.entries(newSkb('pkt#7', after)));
  });
});

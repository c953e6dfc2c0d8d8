import { describe, expect, test } from 'vitest';
import { TestLab } from '../testing/testLab';
import type { Skb } from './skb';

const VIP = '172.16.132.18';

describe('netifReceive', () => {
  test("the receiver of a unicast frame takes the sender's skb over, made over as a new one", () => {
    const l = new TestLab('nat', 1, true);
    const sent: Skb[] = [];
    const seen: { same: boolean; fields: Record<string, unknown> }[] = [];
    // The client's last hook sets what a sender's skb may carry (a mark, IPVS's flag).
    l.host('client').hooks.register('POSTROUTING', {
      name: 'test_sent',
      priority: 0,
      fn: (skb) => {
        sent.push(skb);
        skb.mark = 5;
        skb.ipvsProperty = true;
        return { verdict: 'ACCEPT' };
      },
    });
    l.host('director').hooks.register('PREROUTING', {
      name: 'test_seen',
      priority: -1000,
      fn: (skb) => {
        if (skb.pkt.src.startsWith('172.16.132.') && skb.pkt.dst === VIP)
          seen.push({ same: sent.includes(skb), fields: { ...skb } });
        return { verdict: 'ACCEPT' };
      },
    });
    expect(l.curl('client', VIP).exit).toBe(0);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    for (const s of seen) {
      expect(s.same).toBe(true);
      const { id, pkt, ...rest } = s.fields;
      expect(typeof id).toBe('string');
      expect((pkt as { dst: string }).dst).toBe(VIP);
      // Nothing of the sender's: only what this host's receive path has set so far.
      expect(rest).toEqual({
        inDev: 'eth1',
        pktType: 'host',
        outDev: undefined,
        nexthop: undefined,
        rtType: undefined,
        ipvsProperty: undefined,
        local: undefined,
        mark: undefined,
      });
    }
  });
});

/**
 * A frame with one receiver hands the sender's skb on (network.ts FrameHop, netif.ts): the
 * receiver must see it exactly as a new skb, and a frame with several receivers must not share.
 */
import { describe, expect, test } from 'vitest';
import { BROADCAST_MAC, ETH_P_IP } from '../packet/types';
import { echoPacket, TestLab } from '../testing/testLab';
import type { Host } from './host';
import type { HookName } from './netfilter';
import { newSkb, type Skb } from './skb';

/** Every skb `host` sees at `hook`, with its fields as they were then. */
function watch(host: Host, hook: HookName): { skb: Skb; fields: [string, unknown][] }[] {
  const seen: { skb: Skb; fields: [string, unknown][] }[] = [];
  host.hooks.register(hook, {
    name: 'watch',
    priority: 0,
    fn: (skb) => {
      seen.push({ skb, fields: Object.entries(skb) });
      return { verdict: 'ACCEPT' };
    },
  });
  return seen;
}

describe('the skb a frame carries to its receiver', () => {
  test("one receiver takes the sender's skb over, made over as newSkb would make it", () => {
    const l = new TestLab('tun', 1, true);
    const sent = watch(l.host('client'), 'POSTROUTING');
    const got = watch(l.host('router'), 'PREROUTING');
    expect(l.curl('client', '192.168.99.188').exit).toBe(0);
    l.run(1);
    expect(sent.length).toBeGreaterThan(2);
    for (const s of sent) {
      const r = got.find((g) => g.skb.id === s.skb.id);
      expect(r?.skb).toBe(s.skb);
      // What the router saw: a fresh skb for the packet that came in on eth1 (no output device,
      // no local flag left from the client's output path).
      const pkt = r!.fields.find(([k]) => k === 'pkt')![1] as Skb['pkt'];
      const fresh = newSkb(s.skb.id, pkt, 'host');
      fresh.inDev = 'eth1';
      expect(r!.fields).toEqual(Object.entries(fresh));
    }
  });

  test('a frame to several receivers gives each its own skb', () => {
    const l = new TestLab('nat', 1, true);
    const seg = [...l.net.segments.values()].find((s) => s.ports.length >= 3)!;
    const [from, a, b] = seg.ports;
    const seenA = watch(a!.host, 'PREROUTING');
    const seenB = watch(b!.host, 'PREROUTING');
    const dev = from!.host.devices.get(from!.dev)!;
    const skb = newSkb('pkt#999', echoPacket('10.9.9.9', '10.9.9.255'));
    skb.local = true;
    skb.outDev = dev.name;
    const frame = { dst: BROADCAST_MAC, src: dev.mac, ethertype: ETH_P_IP, payload: skb.pkt };
    l.net.transmit(from!.host, dev, frame, skb, true);
    l.run(0.01);
    const mine = (s: { skb: Skb }[]) => s.filter((x) => x.skb.id === 'pkt#999').map((x) => x.skb);
    const [ra] = mine(seenA);
    const [rb] = mine(seenB);
    expect(ra).toBeDefined();
    expect(rb).toBeDefined();
    expect(ra).not.toBe(rb);
    expect(ra).not.toBe(skb);
    expect(rb).not.toBe(skb);
    // The sender's skb is left as it was.
    expect(skb.local).toBe(true);
    expect(skb.outDev).toBe(dev.name);
  });
});

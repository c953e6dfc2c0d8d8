import { describe, expect, test } from 'vitest';
import { echoPacket, TestLab } from '../testing/testLab';

const VIP = '192.168.99.188';
const CIP = '172.16.132.78';

function lab(): TestLab {
  const l = new TestLab('dr').sysctl('router', 'net.ipv4.ip_forward', 1);
  l.host('director').addAddress('eth0', VIP, 32);
  for (const rs of ['rs1', 'rs2']) l.host(rs).addAddress('lo:1', VIP, 32);
  for (const rs of ['rs1', 'rs2']) l.sysctl(rs, 'net.ipv4.conf.all.arp_ignore', 1);
  return l;
}

/** rs1 answers the client from the VIP, as a DR real server does, and must resolve its gateway. */
function replyFromVip(l: TestLab): { sender: unknown; routerCache: string | undefined } {
  l.inject('rs1', echoPacket(VIP, CIP));
  l.run(0.01);
  const sol = l.events('arp.solicit', (e) => e.host === 'rs1')[0];
  return { sender: sol?.sender, routerCache: l.host('router').neigh.get('eth0', VIP)?.mac };
}

describe('B2: the sender IP of the real server’s own ARP requests', () => {
  const rs1Mac = '52:54:00:00:04:00';
  const directorMac = '52:54:00:00:03:00';
  for (const [announce, sender, poisoned] of [
    [0, VIP, true],
    [1, VIP, true],
    [2, '192.168.99.140', false],
  ] as const) {
    for (const scope of ['all', 'eth0']) {
      test(`arp_announce=${announce} on ${scope}: sender ${sender}${poisoned ? ', router poisoned' : ''}`, () => {
        const l = lab().sysctl('rs1', `net.ipv4.conf.${scope}.arp_announce`, announce);
        const r = replyFromVip(l);
        expect(r.sender).toBe(sender);
        // Unpoisoned, the router learns the VIP by its own ARP, which only the director answers.
        expect(r.routerCache).toBe(poisoned ? rs1Mac : directorMac);
      });
    }
  }

  test('arp_announce=2 on lo only changes nothing: still the VIP, still poisoned', () => {
    const l = lab().sysctl('rs1', 'net.ipv4.conf.lo.arp_announce', 2);
    const r = replyFromVip(l);
    expect(r.sender).toBe(VIP);
    expect(r.routerCache).toBe(rs1Mac);
  });

  test('a VIP outside every eth0 subnet: level 0 keeps it, level 1 and 2 use the RIP', () => {
    for (const [announce, sender] of [
      [0, '10.99.9.188'],
      [1, '192.168.99.140'],
      [2, '192.168.99.140'],
    ] as const) {
      // B2 ran with rp_filter 0 everywhere; the lab router's default 1 would refuse the foreign sender.
      const l = new TestLab('dr')
        .sysctl('router', 'net.ipv4.ip_forward', 1)
        .sysctl('router', 'net.ipv4.conf.eth0.rp_filter', 0);
      l.host('rs1').addAddress('lo:1', '10.99.9.188', 32);
      l.sysctl('rs1', 'net.ipv4.conf.all.arp_announce', announce);
      l.inject('rs1', echoPacket('10.99.9.188', CIP));
      l.run(0.01);
      expect(l.events('arp.solicit', (e) => e.host === 'rs1')[0]?.sender).toBe(sender);
      // Even a foreign-subnet sender gets an entry on the router when the request is for it.
      expect(l.host('router').neigh.get('eth0', '10.99.9.188') !== undefined).toBe(announce === 0);
    }
  });
});

import { describe, expect, test } from 'vitest';
import { TestLab } from '../testing/testLab';

const VIP = '192.168.99.188';

/** The DR lab with the VIP on the director's eth0 and on each real server's lo (docs/linux-behaviour.md B1 topology). */
function drWithVip(seed = 1): TestLab {
  const lab = new TestLab('dr', seed).sysctl('router', 'net.ipv4.ip_forward', 1);
  lab.host('director').addAddress('eth0', VIP, 32);
  for (const rs of ['rs1', 'rs2']) lab.host(rs).addAddress('lo:1', VIP, 32);
  return lab;
}

/** The router resolves the VIP (it has a packet for it): who answers? */
function responders(lab: TestLab): string[] {
  lab.ping('router', VIP, 1);
  return lab.arpResponders(VIP).sort();
}

describe('B1: who answers who-has VIP, for every arp_ignore × arp_announce × where it is set', () => {
  const expected: Record<number, string[]> = {
    0: ['director', 'rs1', 'rs2'],
    1: ['director'],
    2: ['director'],
  };
  for (const ignore of [0, 1, 2]) {
    for (const announce of [0, 1, 2]) {
      for (const setOn of ['all', 'dev', 'both'] as const) {
        test(`arp_ignore=${ignore} arp_announce=${announce} set on ${setOn}`, () => {
          const lab = drWithVip();
          for (const rs of ['rs1', 'rs2']) {
            for (const scope of setOn === 'both' ? ['all', 'eth0'] : [setOn === 'all' ? 'all' : 'eth0']) {
              lab.sysctl(rs, `net.ipv4.conf.${scope}.arp_ignore`, ignore);
              lab.sysctl(rs, `net.ipv4.conf.${scope}.arp_announce`, announce);
            }
          }
          expect(responders(lab)).toEqual(expected[ignore]);
        });
      }
    }
  }
});

describe('B1x: further arp_ignore / arp_filter cases', () => {
  test('arp_ignore=1 on lo only changes nothing', () => {
    const lab = drWithVip();
    for (const rs of ['rs1', 'rs2']) lab.sysctl(rs, 'net.ipv4.conf.lo.arp_ignore', 1);
    expect(responders(lab)).toEqual(['director', 'rs1', 'rs2']);
  });

  test('arp_ignore=1 on default only, after eth0 was written, changes nothing', () => {
    const lab = drWithVip();
    for (const rs of ['rs1', 'rs2']) {
      lab.sysctl(rs, 'net.ipv4.conf.eth0.arp_ignore', 0);
      lab.sysctl(rs, 'net.ipv4.conf.default.arp_ignore', 1);
    }
    expect(responders(lab)).toEqual(['director', 'rs1', 'rs2']);
  });

  test('max(all, dev): all=1 eth0=0 and all=0 eth0=1 both silence the RS', () => {
    const a = drWithVip();
    for (const rs of ['rs1', 'rs2'])
      a.sysctl(rs, 'net.ipv4.conf.all.arp_ignore', 1).sysctl(rs, 'net.ipv4.conf.eth0.arp_ignore', 0);
    expect(responders(a)).toEqual(['director']);
    const b = drWithVip();
    for (const rs of ['rs1', 'rs2'])
      b.sysctl(rs, 'net.ipv4.conf.all.arp_ignore', 0).sysctl(rs, 'net.ipv4.conf.eth0.arp_ignore', 1);
    expect(responders(b)).toEqual(['director']);
  });

  test('arp_ignore=5 (reserved) acts like 0; 8 never answers', () => {
    const a = drWithVip();
    for (const rs of ['rs1', 'rs2']) a.sysctl(rs, 'net.ipv4.conf.all.arp_ignore', 5);
    expect(responders(a)).toEqual(['director', 'rs1', 'rs2']);
    const b = drWithVip();
    for (const rs of ['rs1', 'rs2']) b.sysctl(rs, 'net.ipv4.conf.all.arp_ignore', 8);
    expect(responders(b)).toEqual(['director']);
  });

  test('arp_ignore=8: target RIP1 gets no answer at all', () => {
    const lab = drWithVip().sysctl('rs1', 'net.ipv4.conf.all.arp_ignore', 8);
    lab.ping('router', '192.168.99.140', 1);
    expect(lab.arpResponders('192.168.99.140')).toEqual([]);
  });

  test('arp_ignore=3: a global-scope VIP on lo is still answered, a scope-host one is not', () => {
    const g = drWithVip();
    for (const rs of ['rs1', 'rs2']) g.sysctl(rs, 'net.ipv4.conf.all.arp_ignore', 3);
    expect(responders(g)).toEqual(['director', 'rs1', 'rs2']);
    const h = new TestLab('dr').sysctl('router', 'net.ipv4.ip_forward', 1);
    h.host('director').addAddress('eth0', VIP, 32);
    for (const rs of ['rs1', 'rs2']) {
      h.host(rs).addAddress('lo:1', VIP, 32, 'host');
      h.sysctl(rs, 'net.ipv4.conf.all.arp_ignore', 3);
    }
    expect(responders(h)).toEqual(['director']);
  });

  test('arp_ignore=0 with a scope-host VIP still answers', () => {
    const h = new TestLab('dr').sysctl('router', 'net.ipv4.ip_forward', 1);
    h.host('director').addAddress('eth0', VIP, 32);
    for (const rs of ['rs1', 'rs2']) h.host(rs).addAddress('lo:1', VIP, 32, 'host');
    expect(responders(h)).toEqual(['director', 'rs1', 'rs2']);
  });

  test('arp_filter=1 does not stop a DR real server answering', () => {
    const lab = drWithVip();
    for (const rs of ['rs1', 'rs2']) lab.sysctl(rs, 'net.ipv4.conf.all.arp_filter', 1);
    expect(responders(lab)).toEqual(['director', 'rs1', 'rs2']);
  });

  test('arp_ignore=2 answers for the RIP when sender and target share a subnet', () => {
    const lab = drWithVip().sysctl('rs1', 'net.ipv4.conf.all.arp_ignore', 2);
    lab.ping('router', '192.168.99.140', 1);
    expect(lab.arpResponders('192.168.99.140')).toEqual(['rs1']);
  });
});

describe('B7: the first reply wins the cache', () => {
  test('with three answers the router caches rs2, the first in the bridge flooding order', () => {
    const lab = drWithVip();
    lab.ping('router', VIP, 1);
    const order = lab.events('frame.rx', (e) => e.host === 'router' && e.dev === 'eth0').length;
    expect(order).toBeGreaterThan(0);
    const entry = lab.host('router').neigh.get('eth0', VIP);
    expect(entry?.mac).toBe(lab.host('rs2').devices.get('eth0')!.mac);
    const ignored = lab.events('neigh.ignored', (e) => e.host === 'router' && e.ip === VIP);
    expect(ignored.map((e) => e.offered)).toEqual([
      lab.host('rs1').devices.get('eth0')!.mac,
      lab.host('director').devices.get('eth0')!.mac,
    ]);
  });

  test('with the real servers silenced, the director is the one cached', () => {
    const lab = drWithVip();
    for (const rs of ['rs1', 'rs2']) lab.sysctl(rs, 'net.ipv4.conf.all.arp_ignore', 1);
    lab.ping('router', VIP, 1);
    expect(lab.host('router').neigh.get('eth0', VIP)?.mac).toBe(
      lab.host('director').devices.get('eth0')!.mac,
    );
  });
});

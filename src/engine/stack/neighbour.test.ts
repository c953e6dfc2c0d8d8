import { describe, expect, test } from 'vitest';
import { SEC } from '../core/sim';
import { TestLab } from '../testing/testLab';

const neighState = (l: TestLab, host: string, dev: string, ip: string) =>
  l.host(host).neigh.get(dev, ip)?.state;

describe('neighbour state machine (docs/linux-behaviour.md A9, B7)', () => {
  test('REACHABLE lasts a draw in [base/2, 3·base/2), then STALE when unused', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const l = new TestLab('dr', seed);
      l.sysctl('client', 'net.ipv4.neigh.eth0.base_reachable_time_ms', 2000);
      l.sysctl('client', 'net.ipv4.neigh.eth0.delay_first_probe_time', 1);
      l.ping('client', '172.16.132.1', 1);
      const became = l.events('neigh', (e) => e.host === 'client' && e.to === 'REACHABLE')[0]!.t;
      l.run(10);
      const stale = l.events(
        'neigh',
        (e) => e.host === 'client' && e.ip === '172.16.132.1' && e.to === 'STALE',
      )[0]!.t;
      expect(stale - became).toBeGreaterThanOrEqual(1 * SEC);
      expect(stale - became).toBeLessThan(3 * SEC);
    }
  });

  test('STALE → (use) DELAY → PROBE → REACHABLE with one unicast probe', () => {
    const l = new TestLab('dr');
    l.sysctl('client', 'net.ipv4.neigh.eth0.base_reachable_time_ms', 2000);
    l.sysctl('client', 'net.ipv4.neigh.eth0.delay_first_probe_time', 1);
    l.ping('client', '172.16.132.1', 1);
    l.run(10);
    expect(neighState(l, 'client', 'eth0', '172.16.132.1')).toBe('STALE');
    const before = l.events('arp.solicit', (e) => e.host === 'client').length;
    l.ping('client', '172.16.132.1', 1);
    l.run(2);
    const path = l.events('neigh', (e) => e.host === 'client' && e.ip === '172.16.132.1').map((e) => e.to);
    expect(path.slice(-3)).toEqual(['DELAY', 'PROBE', 'REACHABLE']);
    const probes = l.events('arp.solicit', (e) => e.host === 'client').slice(before);
    expect(probes.map((e) => e.unicast)).toEqual([true]);
  });

  test('INCOMPLETE: three broadcasts one second apart, then FAILED and ICMP host unreachable', () => {
    const l = new TestLab('dr');
    const ping = l.ping('client', '172.16.132.99', 1);
    l.run(5);
    const sol = l.events('arp.solicit', (e) => e.host === 'client');
    expect(sol.map((e) => e.t)).toEqual([0, SEC, 2 * SEC]);
    expect(sol.every((e) => e.unicast === false)).toBe(true);
    expect(neighState(l, 'client', 'eth0', '172.16.132.99')).toBe('FAILED');
    expect(ping.errors).toEqual([]);
    expect(l.events('icmp.send', (e) => e.host === 'client' && e.code === 1).length).toBe(1);
  });

  test('base_reachable_time below delay_first_probe_time: an idle entry keeps re-probing (A9 item 7)', () => {
    const l = new TestLab('dr');
    l.sysctl('client', 'net.ipv4.neigh.eth0.base_reachable_time_ms', 2000);
    l.ping('client', '172.16.132.1', 1);
    l.run(16);
    const probes = l.events('arp.solicit', (e) => e.host === 'client' && e.unicast === true);
    expect(probes.length).toBeGreaterThanOrEqual(2);
    expect(probes.length).toBeLessThanOrEqual(3);
  });

  test('with a small LAN, idle STALE entries live on (no garbage collection below gc_thresh1)', () => {
    const l = new TestLab('dr');
    l.ping('client', '172.16.132.1', 1);
    l.run(600);
    expect(neighState(l, 'client', 'eth0', '172.16.132.1')).toBe('STALE');
  });
});

describe('gratuitous ARP and arp_accept (B7)', () => {
  function garpFrom(l: TestLab, host: string, ip: string): void {
    const h = l.host(host);
    h.addAddress('lo:1', ip, 32);
    // arping -U: a broadcast request with sender = target = ip.
    h.wire.transmit(h, h.devices.get('eth0')!, {
      dst: 'ff:ff:ff:ff:ff:ff',
      src: h.devices.get('eth0')!.mac,
      ethertype: 0x0806,
      payload: {
        proto: 'arp',
        htype: 1,
        ptype: 0x0800,
        op: 1,
        sha: h.devices.get('eth0')!.mac,
        spa: ip,
        tha: '00:00:00:00:00:00',
        tpa: ip,
      },
    });
    l.run(0.01);
  }

  test('a GARP replaces an existing entry at once (failover), going STALE', () => {
    const l = new TestLab('dr');
    l.ping('router', '192.168.99.120', 1);
    garpFrom(l, 'rs1', '192.168.99.120');
    const e = l.host('router').neigh.get('eth0', '192.168.99.120');
    expect(e?.mac).toBe(l.host('rs1').devices.get('eth0')!.mac);
    expect(e?.state).toBe('STALE');
  });

  test('no entry and arp_accept=0: a GARP creates nothing; arp_accept=1 creates it STALE', () => {
    const a = new TestLab('dr');
    garpFrom(a, 'rs1', '192.168.99.188');
    expect(a.host('router').neigh.get('eth0', '192.168.99.188')).toBeUndefined();
    const b = new TestLab('dr').sysctl('router', 'net.ipv4.conf.all.arp_accept', 1);
    garpFrom(b, 'rs1', '192.168.99.188');
    expect(b.host('router').neigh.get('eth0', '192.168.99.188')?.state).toBe('STALE');
  });
});

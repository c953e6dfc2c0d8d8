import { describe, expect, test } from 'vitest';
import { Sim } from '../core/sim';
import { Network } from '../stack/network';
import { TestLab } from '../testing/testLab';

describe('ip_forward on the DR lab router (docs/linux-behaviour.md B3)', () => {
  test('ip_forward=1: the client reaches a real server’s RIP', () => {
    const l = new TestLab('dr').sysctl('router', 'net.ipv4.ip_forward', 1);
    const r = l.curl('client', '192.168.99.140');
    expect(r.exit).toBe(0);
    expect(r.body).toBe('rs1\n');
    expect(l.host('router').counters.get('IpForwDatagrams')).toBeGreaterThanOrEqual(4);
  });

  test('ip_forward=0: silently dropped, no ICMP, InAddrErrors counts; curl times out', () => {
    const l = new TestLab('dr');
    const r = l.curl('client', '192.168.99.140', 80, 3);
    expect(r.exit).toBe(28);
    expect(r.error).toMatch(/^Connection timed out after 300\d milliseconds$/);
    expect(
      l.events('drop', (e) => e.host === 'router').every((e) => e.reason === 'forwarding-disabled'),
    ).toBe(true);
    // CentOS 7 backs off exponentially: SYNs at 0 and 1 s; the next would leave at 3 s, when curl gives up.
    expect(l.host('router').counters.get('IpInAddrErrors')).toBe(2);
    expect(l.events('icmp.send')).toEqual([]);
  });

  test('ip_forward=0: the router’s other interface is still reachable (weak host model)', () => {
    const l = new TestLab('dr');
    expect(l.ping('client', '192.168.99.1', 1).replies.length).toBe(1);
  });

  test('the ingress interface decides: eth1.forwarding=0 stops client→lan, not lan→client', () => {
    const l = new TestLab('dr')
      .sysctl('router', 'net.ipv4.ip_forward', 1)
      .sysctl('router', 'net.ipv4.conf.eth1.forwarding', 0);
    expect(l.ping('client', '192.168.99.140', 1).replies.length).toBe(0);
    const arrived = l.events(
      'route',
      (e) => e.host === 'rs1' && e.dir === 'input' && e.result === 'local',
    ).length;
    expect(arrived).toBe(0);
    l.ping('rs1', '172.16.132.78', 1);
    expect(
      l.events('route', (e) => e.host === 'client' && e.dir === 'input' && e.src === '192.168.99.140').length,
    ).toBe(1);
  });

  test('writing ip_forward resets every device and flips accept_redirects (B3)', () => {
    const l = new TestLab('dr').sysctl('router', 'net.ipv4.conf.eth0.forwarding', 0);
    l.sysctl('router', 'net.ipv4.ip_forward', 0).sysctl('router', 'net.ipv4.ip_forward', 1);
    const s = l.host('router').sysctl;
    expect([
      s.get('net.ipv4.conf.eth0.forwarding'),
      s.get('net.ipv4.conf.all.forwarding'),
      s.get('net.ipv4.conf.default.forwarding'),
    ]).toEqual([1, 1, 1]);
    expect(s.get('net.ipv4.conf.all.accept_redirects')).toBe(0);
    l.sysctl('router', 'net.ipv4.ip_forward', 0);
    expect([
      s.get('net.ipv4.conf.all.accept_redirects'),
      s.get('net.ipv4.conf.eth0.forwarding'),
      s.get('net.ipv4.conf.default.forwarding'),
    ]).toEqual([1, 0, 0]);
  });
});

describe('a routing loop ends in ICMP time exceeded, not a hang', () => {
  test('two routers whose default routes point at each other', () => {
    const sim = new Sim(3);
    const net = new Network(sim);
    const a = net.addHost('a');
    const r1 = net.addHost('r1');
    const r2 = net.addHost('r2');
    net.attach(a, 'eth0', 'left');
    net.attach(r1, 'eth0', 'left');
    net.attach(r1, 'eth1', 'mid');
    net.attach(r2, 'eth0', 'mid');
    a.addAddress('eth0', '10.0.1.10', 24);
    r1.addAddress('eth0', '10.0.1.1', 24);
    r1.addAddress('eth1', '10.0.2.1', 24);
    r2.addAddress('eth0', '10.0.2.2', 24);
    const def = (via: string, dev: string) => ({
      table: 'main' as const,
      type: 'unicast' as const,
      dst: '0.0.0.0',
      prefix: 0,
      via,
      dev,
      scope: 'global' as const,
      proto: 'static' as const,
      metric: 0,
    });
    a.addRoute(def('10.0.1.1', 'eth0'));
    r1.addRoute(def('10.0.2.2', 'eth1'));
    r2.addRoute(def('10.0.2.1', 'eth0'));
    for (const r of [r1, r2]) r.sysctl.set('net.ipv4.ip_forward', 1);
    const l = Object.assign(Object.create(TestLab.prototype) as TestLab, { sim, net });
    const ping = l.ping('a', '198.51.100.7', 1);
    expect(ping.replies).toEqual([]);
    expect(ping.errors.length).toBe(1);
    expect(ping.errors[0]).toMatchObject({ type: 11, code: 0 });
    const drops = l.events('drop', (e) => e.reason === 'ttl-exceeded');
    expect(drops.length).toBe(1);
    // 64 hops: every forward decremented the TTL once.
    const fwd = (r1.counters.get('IpForwDatagrams') ?? 0) + (r2.counters.get('IpForwDatagrams') ?? 0);
    expect(fwd).toBeGreaterThanOrEqual(62);
    sim.runUntil(sim.now + 100_000_000);
    expect(net.frames.length).toBeLessThan(200);
  });
});

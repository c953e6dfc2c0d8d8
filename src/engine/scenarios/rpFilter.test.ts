import { describe, expect, test } from 'vitest';
import { echoPacket, TestLab } from '../testing/testLab';
import type { Ipv4Packet } from '../packet/types';

const VIP = '192.168.99.188';
const CIP = '172.16.132.78';

describe('rp_filter on the DR director (docs/linux-behaviour.md, "The labs": the seed’s gateway note)', () => {
  function director(route: 'none' | 'router' | 'ghost'): TestLab {
    const l = new TestLab('dr').sysctl('router', 'net.ipv4.ip_forward', 1);
    const d = l.host('director');
    d.addAddress('eth0', VIP, 32);
    d.routes.remove((r) => r.prefix === 0);
    const via = route === 'router' ? '192.168.99.1' : '192.168.99.254';
    if (route !== 'none')
      d.addRoute({
        table: 'main',
        type: 'unicast',
        dst: '0.0.0.0',
        prefix: 0,
        via,
        dev: 'eth0',
        scope: 'global',
        proto: 'static',
        metric: 0,
      });
    l.ping('client', VIP, 1);
    return l;
  }

  test('no route back to the client: the request is dropped by rp_filter', () => {
    const l = director('none');
    const drops = l.events('drop', (e) => e.host === 'director' && e.reason === 'rp_filter');
    expect(drops.length).toBe(1);
    expect(l.host('director').counters.get('TcpExtIPReversePathFilter')).toBe(1);
  });

  test('a default route through the router: accepted', () => {
    const l = director('router');
    expect(l.events('drop', (e) => e.host === 'director')).toEqual([]);
    expect(
      l.events('route', (e) => e.host === 'director' && e.dir === 'input' && e.result === 'local').length,
    ).toBe(1);
  });

  test('a default route through an address that does not exist: accepted too', () => {
    const l = director('ghost');
    expect(l.events('drop', (e) => e.host === 'director' && e.reason === 'rp_filter')).toEqual([]);
    expect(
      l.events('route', (e) => e.host === 'director' && e.dir === 'input' && e.result === 'local').length,
    ).toBe(1);
  });
});

/** B4: rs1 in the TUN lab with tunl0 carrying the VIP; the "director" sends a raw IPIP packet. */
describe('B4: rp_filter on tunl0 of an LVS-TUN real server', () => {
  function tunRs(all: number, tunl: number, eth0: number, innerSrc: string, keepDefault: boolean): TestLab {
    const l = new TestLab('tun').sysctl('router', 'net.ipv4.ip_forward', 1);
    const rs = l.host('rs1');
    rs.modules.add('ipip');
    rs.addDevice('tunl0', 'ipip', '00:00:00:00:00:00');
    rs.setLink('tunl0', true);
    rs.addAddress('tunl0', VIP, 32);
    if (!keepDefault) {
      // Only the director's subnet stays routable (B4's director shared the segment): no route back to the inner source.
      rs.routes.remove((r) => r.prefix === 0);
      rs.addRoute({
        table: 'main',
        type: 'unicast',
        dst: '192.168.99.0',
        prefix: 24,
        via: '10.10.1.1',
        dev: 'eth0',
        scope: 'global',
        proto: 'static',
        metric: 0,
      });
    }
    l.sysctl('rs1', 'net.ipv4.conf.all.rp_filter', all);
    l.sysctl('rs1', 'net.ipv4.conf.tunl0.rp_filter', tunl);
    l.sysctl('rs1', 'net.ipv4.conf.eth0.rp_filter', eth0);
    const inner = echoPacket(innerSrc, VIP);
    const outer: Ipv4Packet = { ...echoPacket('192.168.99.120', '10.10.1.10'), protocol: 4, payload: inner };
    l.inject('director', outer);
    l.run(0.05);
    return l;
  }
  const accepted = (l: TestLab): boolean =>
    l.events('frame.tx', (e) => e.host === 'rs1' && (e.eth as { payload: Ipv4Packet }).payload.src === VIP)
      .length === 1;

  const rows: [number, number, number, string, boolean, boolean][] = [
    [0, 0, 0, CIP, true, true],
    [1, 0, 0, CIP, true, false],
    [0, 1, 0, CIP, true, false],
    [0, 0, 1, CIP, true, true],
    [2, 0, 0, CIP, true, true],
    [0, 2, 0, CIP, true, true],
    [1, 2, 0, CIP, true, true],
    [2, 1, 0, CIP, true, true],
    [2, 0, 0, '10.98.0.77', false, false],
    [0, 0, 0, '10.98.0.77', false, true],
  ];
  for (const [all, tunl, eth0, src, keep, ok] of rows) {
    test(`all=${all} tunl0=${tunl} eth0=${eth0}, inner src ${src}: ${ok ? 'accepted' : 'dropped'}`, () => {
      const l = tunRs(all, tunl, eth0, src, keep);
      const decap = l.events('ipip.decap', (e) => e.host === 'rs1');
      expect(decap.length).toBe(1);
      const rpDrops = l.events('drop', (e) => e.host === 'rs1' && e.reason === 'rp_filter').length;
      if (src === CIP) expect(accepted(l)).toBe(ok);
      else
        expect(
          l.events('route', (e) => e.host === 'rs1' && e.dev === 'tunl0' && e.result === 'local').length,
        ).toBe(ok ? 1 : 0);
      expect(rpDrops).toBe(ok ? 0 : 1);
      expect(l.host('rs1').counters.get('TcpExtIPReversePathFilter') ?? 0).toBe(ok ? 0 : 1);
    });
  }
});

describe('B4: accept_local', () => {
  const rows: [number, number, number, boolean][] = [
    [0, 0, 0, false],
    [1, 0, 0, true],
    [0, 1, 0, true],
    [1, 0, 1, false],
  ];
  for (const [all, eth0, rp, ok] of rows) {
    test(`accept_local all=${all} eth0=${eth0}, rp_filter=${rp}: ${ok ? 'accepted' : 'dropped'}`, () => {
      const l = new TestLab('dr');
      const rs = l.host('rs1');
      rs.addAddress('lo:1', VIP, 32);
      for (const k of ['all', 'eth0', 'default']) l.sysctl('rs1', `net.ipv4.conf.${k}.rp_filter`, 0);
      l.sysctl('rs1', 'net.ipv4.conf.all.accept_local', all).sysctl(
        'rs1',
        'net.ipv4.conf.eth0.accept_local',
        eth0,
      );
      l.sysctl('rs1', 'net.ipv4.conf.all.rp_filter', rp);
      l.host('director').addAddress('eth0', VIP, 32);
      // The director learns RIP1's MAC first (from its DIP): rs1 would not answer an ARP from the VIP.
      l.ping('director', '192.168.99.140', 1);
      l.inject('director', echoPacket(VIP, '192.168.99.140'));
      l.run(0.05);
      const local = l.events(
        'route',
        (e) => e.host === 'rs1' && e.dir === 'input' && e.result === 'local' && e.src === VIP,
      );
      expect(local.length).toBe(ok ? 1 : 0);
      if (!ok)
        expect(l.events('drop', (e) => e.host === 'rs1').map((e) => e.reason)).toEqual([
          rp ? 'rp_filter' : 'local-source',
        ]);
    });
  }
});

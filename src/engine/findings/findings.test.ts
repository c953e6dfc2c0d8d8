import { describe, expect, test } from 'vitest';
import { ipvsOf } from '../ipvs/ipvs';
import { configuredDr, configuredNat } from '../testing/configuredLabs';
import { echoPacket, TestLab } from '../testing/testLab';
import { scanFindings } from './scan';
import type { Finding } from './types';

const VIP_DR = '192.168.99.188';
const VIP_NAT = '172.16.132.18';

function findings(l: TestLab): Finding[] {
  return scanFindings(l.sim.trace.events).findings;
}

const ofKind = (fs: Finding[], kind: string) => fs.filter((f) => f.kind === kind);

function run(l: TestLab, host: string, ...commands: string[]): void {
  for (const c of commands) expect(l.exec(host, c, 10).exit, c).toBe(0);
}

describe('findings through the lab runtime', () => {
  test('DR with arp_ignore 0 on rs1: rs1 answers ARP for the VIP, naming eth0’s arp_ignore', () => {
    const l = configuredDr();
    run(
      l,
      'rs1',
      'echo 0 > /proc/sys/net/ipv4/conf/all/arp_ignore',
      'echo 0 > /proc/sys/net/ipv4/conf/lo/arp_ignore',
    );
    l.exec('client', `curl -s -m 2 ${VIP_DR}`, 5);
    const fs = ofKind(findings(l), 'arpVipAnswer');
    expect(fs.map((f) => f.hosts)).toEqual([['rs1', 'director']]);
    expect(fs[0]!.params).toMatchObject({ host: 'rs1', vip: VIP_DR, dev: 'eth0', arp_ignore: 0 });
    expect(fs[0]!.params.sysctl).toBe('net.ipv4.conf.eth0.arp_ignore');
    expect(fs[0]!.why).toBe('finding.arpVipAnswer.why');
    const at = l.sim.trace.events[fs[0]!.at]!;
    expect(at.kind === 'arp.decide' && at.host === 'rs1' && at.verdict === 'reply').toBe(true);
  });

  test('configured DR (arp_ignore 1): no real server answers for the VIP', () => {
    const l = configuredDr();
    expect(l.exec('client', `curl -s ${VIP_DR}`, 5).stdout).toMatch(/^rs\d\n$/);
    expect(findings(l)).toEqual([]);
  });

  test('NAT real server whose gateway is not the DIP: the reply bypasses the director, the client sends RST', () => {
    // The DR topology: real servers route through the router, not through the director.
    const l = new TestLab('dr');
    run(l, 'router', 'sysctl -w net.ipv4.ip_forward=1');
    run(
      l,
      'director',
      'sysctl -w net.ipv4.ip_forward=1',
      `ip addr add ${VIP_DR}/32 dev eth0`,
      `ipvsadm -A -t ${VIP_DR}:80 -s rr`,
      `ipvsadm -a -t ${VIP_DR}:80 -r 192.168.99.140:80 -m`,
    );
    const r = l.exec('client', `curl -s -m 2 ${VIP_DR}`, 5);
    expect(r.exit).not.toBe(0);
    const fs = findings(l);
    const bypass = ofKind(fs, 'natReplyBypass');
    expect(bypass.map((f) => f.hosts)).toEqual([['rs1', 'director']]);
    expect(bypass[0]!.params).toMatchObject({ host: 'rs1', nexthop: 'router', rip: '192.168.99.140:80' });
    const rst = ofKind(fs, 'natClientRst');
    expect(rst.length).toBeGreaterThan(0);
    expect(rst[0]!.hosts).toEqual(['client', 'rs1']);
    expect(rst[0]!.at).toBeGreaterThan(bypass[0]!.at);
  });

  test('configured NAT: replies go back through the director, no finding', () => {
    const l = configuredNat();
    expect(l.exec('client', `curl -s ${VIP_NAT}`, 5).stdout).toBe('rs2\n');
    expect(findings(l)).toEqual([]);
  });

  test('DR director without a route back to the client: rp_filter drop on eth0', () => {
    const l = configuredDr();
    run(l, 'director', 'ip route del default', 'sysctl -w net.ipv4.conf.all.rp_filter=1');
    l.exec('client', `curl -s -m 1 ${VIP_DR}`, 3);
    const fs = ofKind(findings(l), 'rpFilterDrop');
    expect(fs.length).toBe(1);
    expect(fs[0]!.hosts).toEqual(['director']);
    expect(fs[0]!.params).toMatchObject({ dev: 'eth0', src: '172.16.132.78', dst: VIP_DR, rp_filter: 1 });
    expect(fs[0]!.why).toBe('finding.rpFilterDrop.why.strict');
  });

  test('bare NAT lab (ip_forward 0): the director drops the client’s packets, forwarding off', () => {
    const l = new TestLab('nat');
    run(
      l,
      'director',
      `ipvsadm -A -t ${VIP_NAT}:80 -s rr`,
      `ipvsadm -a -t ${VIP_NAT}:80 -r 192.168.99.130:888 -m`,
    );
    l.exec('client', `curl -s -m 2 ${VIP_NAT}`, 5);
    const fs = ofKind(findings(l), 'forwardingOff');
    expect(fs.length).toBeGreaterThan(0);
    expect(fs[0]!.hosts).toEqual(['director']);
    expect(fs[0]!.params).toMatchObject({ host: 'director', dev: 'eth0', src: '192.168.99.130' });
  });

  test('a service whose servers all have weight 0: no usable server, and its ICMP port unreachable', () => {
    const l = configuredNat();
    run(
      l,
      'director',
      `ipvsadm -e -t ${VIP_NAT}:80 -r 192.168.99.130:888 -m -w 0`,
      `ipvsadm -e -t ${VIP_NAT}:80 -r 192.168.99.140:888 -m -w 0`,
    );
    expect(l.exec('client', `curl -s -m 2 ${VIP_NAT}`, 5).exit).not.toBe(0);
    const fs = findings(l);
    expect(ofKind(fs, 'quiesced').map((f) => f.params.dest)).toEqual([
      '192.168.99.130:888',
      '192.168.99.140:888',
    ]);
    const none = ofKind(fs, 'noUsableServer');
    expect(none.length).toBe(1);
    expect(none[0]!.params).toMatchObject({
      host: 'director',
      service: `TCP ${VIP_NAT}:80`,
      scheduler: 'rr',
    });
    const icmp = ofKind(fs, 'icmpError');
    expect(icmp[0]!.params).toMatchObject({ host: 'director', to: '172.16.132.78', type: 3, code: 3 });
    expect(icmp[0]!.at).toBeGreaterThan(none[0]!.at);
  });

  test('-x 1 -y 0: rs2 crosses its upper threshold, then comes back when its connection expires', () => {
    const l = configuredNat();
    run(l, 'director', `ipvsadm -e -t ${VIP_NAT}:80 -r 192.168.99.140:888 -m -x 1`);
    for (let i = 0; i < 3; i++) l.exec('client', `curl -s ${VIP_NAT}`, 5);
    l.run(125);
    const fs = findings(l).filter((f) => f.kind.startsWith('overload'));
    expect(fs.map((f) => f.kind)).toEqual(['overload', 'overloadCleared']);
    expect(fs[0]!.params).toMatchObject({ dest: '192.168.99.140:888', upper: 1, lower: 0, total: 1 });
    expect(fs[1]!.why).toBe('finding.overloadCleared.why.threeQuarters');
    expect(fs[1]!.t).toBeGreaterThan(fs[0]!.t);
  });

  test('persistence (-p 30): the second request is pinned by the template, said once', () => {
    const l = configuredNat();
    run(l, 'director', `ipvsadm -E -t ${VIP_NAT}:80 -s rr -p 30`);
    const bodies = [1, 2, 3].map(() => l.exec('client', `curl -s ${VIP_NAT}`, 5).stdout);
    expect(new Set(bodies).size).toBe(1);
    const fs = ofKind(findings(l), 'persistPin');
    expect(fs.length).toBe(1);
    expect(fs[0]!.params).toMatchObject({
      host: 'director',
      client: '172.16.132.78',
      dest: '192.168.99.140:888',
    });
  });

  test('lblc: the cached server overloaded in lblc’s sense is replaced by wlc’s pick', () => {
    const l = configuredNat();
    run(l, 'director', `ipvsadm -E -t ${VIP_NAT}:80 -s lblc`);
    l.exec('client', `curl -s ${VIP_NAT}`, 5);
    const cached = ipvsOf(l.host('director')).services[0]!.dests.find(
      (d) => d.activeconns + d.inactconns > 0,
    )!;
    // Stands for three connections held open: more than its weight, while the other server idles.
    cached.activeconns = 3;
    l.exec('client', `curl -s ${VIP_NAT}`, 5);
    const fs = ofKind(findings(l), 'lblcReplace');
    expect(fs.length).toBe(1);
    expect(fs[0]!.params).toMatchObject({ scheduler: 'lblc', daddr: VIP_NAT, from: cached.key });
    expect(fs[0]!.params.to).not.toBe(cached.key);
  });

  test('a client port reused while its IPVS entry is in TIME_WAIT: the entry is expired and rescheduled', () => {
    const l = configuredNat();
    l.exec('client', `curl -s ${VIP_NAT}`, 5);
    const first = l.events('ipvs.conn').find((e) => e.event === 'new')!;
    // The client's own TIME_WAIT (60 s) ends before IPVS's (120 s); then it picks that port again,
    // as it does after cycling through its ephemeral range.
    l.run(61);
    const port = Number(first.event === 'new' ? first.client.split(':')[1] : 0);
    (l.host('client').sockets as unknown as { nextPort: number }).nextPort = port;
    l.exec('client', `curl -s ${VIP_NAT}`, 5);
    const fs = ofKind(findings(l), 'connReuse');
    expect(fs.length).toBe(1);
    expect(fs[0]!.params).toMatchObject({ host: 'director', conn: first.conn, state: 'TIME_WAIT' });
  });

  test('a real server’s ICMP error to the client passes through the NAT director: relayed', () => {
    const l = configuredNat();
    // A UDP datagram from the client to rs1's closed port 9, routed through the director.
    l.inject('client', {
      ...echoPacket('172.16.132.78', '192.168.99.130'),
      protocol: 17,
      payload: { proto: 'udp', srcPort: 40000, dstPort: 9, data: 'x' },
    });
    l.run(1);
    const fs = findings(l);
    const sent = ofKind(fs, 'icmpError');
    expect(sent.map((f) => f.params.host)).toEqual(['rs1']);
    const relayed = ofKind(fs, 'icmpRelayed');
    expect(relayed.length).toBe(1);
    expect(relayed[0]!.hosts).toEqual(['director', 'rs1']);
    expect(relayed[0]!.params).toMatchObject({
      from: '192.168.99.130',
      to: '172.16.132.78',
      type: 3,
      code: 3,
    });
  });
});

import { describe, expect, test } from 'vitest';
import { configuredDr, configuredNat } from '../testing/configuredLabs';
import { echoPacket, TestLab } from '../testing/testLab';
import { findings, ofKind, run } from './findingsTestKit';

const VIP_DR = '192.168.99.188';
const VIP_NAT = '172.16.132.18';

describe('wiring findings through the lab runtime', () => {
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
    const at = l.sim.trace.slice()[fs[0]!.at]!;
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

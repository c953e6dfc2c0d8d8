import { describe, expect, it } from 'vitest';
import { startPing } from '../../../apps/ping';
import { SEC } from '../../../core/sim';
import { encapsulateIpip } from '../../../packet/ipip';
import type { Ipv4Packet } from '../../../packet/types';
import { TestLab } from '../../../testing/testLab';
import { startCapture } from './capture';
import { parseTcpdumpArgs } from './tcpdump';

function background(s: TestLab, host: string, line: string): { lines: string[]; stop: () => string[] } {
  const a = parseTcpdumpArgs(line.split(' ').slice(1));
  if (!a.ok) throw new Error(a.stderr);
  const lines: string[] = [];
  const c = startCapture(s.host(host), s.net, a.opts, (l) => lines.push(l));
  if (!c.ok) throw new Error(c.stderr);
  return { lines, stop: () => c.handle.stop() };
}

/** tcpdump's default time stamp `us` after 08:00:00, the lab clock's start (under a second). */
function stamp(us: number): string {
  return `08:00:00.${String(us).padStart(6, '0')}`;
}

function drReady(): TestLab {
  return new TestLab('dr').sysctl('router', 'net.ipv4.ip_forward', 1);
}

describe('tcpdump', () => {
  it('decodes a curl exchange on the real server (ARP, SYN options, relative seq, HTTP)', () => {
    const s = drReady();
    const cap = background(s, 'rs1', 'tcpdump -i eth0 -nn');
    s.curl('client', '192.168.99.140');
    s.run(0.01);
    expect(cap.lines).toEqual([
      '08:00:00.000408 ARP, Request who-has 192.168.99.140 tell 192.168.99.1, length 46',
      '08:00:00.000408 ARP, Reply 192.168.99.140 is-at 52:54:00:00:04:00, length 28',
      '08:00:00.000612 IP 172.16.132.78.57410 > 192.168.99.140.80: Flags [S], seq 2610463599, win 64240, options [mss 1460,sackOK,TS val 1000003 ecr 0,nop,wscale 7], length 0',
      '08:00:00.000612 IP 192.168.99.140.80 > 172.16.132.78.57410: Flags [S.], seq 1686341355, ack 2610463600, win 65160, options [mss 1460,sackOK,TS val 4000012 ecr 1000003,nop,wscale 7], length 0',
      '08:00:00.001020 IP 172.16.132.78.57410 > 192.168.99.140.80: Flags [.], ack 1, win 502, options [nop,nop,TS val 1000003 ecr 4000012], length 0',
      '08:00:00.001023 IP 172.16.132.78.57410 > 192.168.99.140.80: Flags [P.], seq 1:79, ack 1, win 502, options [nop,nop,TS val 1000003 ecr 4000012], length 78: HTTP: GET / HTTP/1.1',
      '08:00:00.001023 IP 192.168.99.140.80 > 172.16.132.78.57410: Flags [P.], seq 1:244, ack 79, win 502, options [nop,nop,TS val 4000013 ecr 1000003], length 243: HTTP: HTTP/1.1 200 OK',
      '08:00:00.001435 IP 172.16.132.78.57410 > 192.168.99.140.80: Flags [F.], seq 79, ack 244, win 502, options [nop,nop,TS val 1000004 ecr 4000013], length 0',
      '08:00:00.001435 IP 192.168.99.140.80 > 172.16.132.78.57410: Flags [F.], seq 244, ack 80, win 502, options [nop,nop,TS val 4000013 ecr 1000004], length 0',
      '08:00:00.001843 IP 172.16.132.78.57410 > 192.168.99.140.80: Flags [.], ack 245, win 502, options [nop,nop,TS val 1000004 ecr 4000013], length 0',
    ]);
    expect(cap.stop()).toEqual([
      '10 packets captured',
      '10 packets received by filter',
      '0 packets dropped by kernel',
    ]);
  });

  it('-e prints the Ethernet header; sent frames unpadded, received ones padded', () => {
    const s = drReady();
    const cap = background(s, 'client', 'tcpdump -i eth0 -nn -e');
    s.curl('client', '192.168.99.140');
    expect(cap.lines.slice(0, 3)).toEqual([
      '08:00:00.000000 52:54:00:00:01:00 > ff:ff:ff:ff:ff:ff, ethertype ARP (0x0806), length 42: ARP, Request who-has 172.16.132.1 tell 172.16.132.78, length 28',
      '08:00:00.000204 52:54:00:00:02:01 > 52:54:00:00:01:00, ethertype ARP (0x0806), length 60: ARP, Reply 172.16.132.1 is-at 52:54:00:00:02:01, length 46',
      '08:00:00.000204 52:54:00:00:01:00 > 52:54:00:00:02:01, ethertype IPv4 (0x0800), length 74: IP 172.16.132.78.57410 > 192.168.99.140.80: Flags [S], seq 2610463599, win 64240, options [mss 1460,sackOK,TS val 1000003 ecr 0,nop,wscale 7], length 0',
    ]);
  });

  it('filters: port, host, arp, not, or', () => {
    const s = drReady();
    const arp = background(s, 'rs1', 'tcpdump -nn -i eth0 arp');
    const syn = background(s, 'rs1', 'tcpdump -nn -i eth0 port 80 and not host 10.0.0.1');
    const none = background(s, 'rs1', 'tcpdump -nn -i eth0 icmp or udp');
    s.curl('client', '192.168.99.140');
    s.run(0.01);
    expect(arp.lines.length).toBe(2);
    expect(syn.lines.length).toBe(8);
    expect(none.lines).toEqual([]);
  });

  it('foreground -c N prints the banner, N packets and the statistics', () => {
    const s = new TestLab('dr');
    // The ping starts once tcpdump is listening (10 ms: past the process start the shell charges).
    s.sim.after(10_000, 'ping', () => startPing(s.host('client'), '172.16.132.1', 5));
    // A redirect keeps the line from the runner's background capture, as in a terminal.
    const r = s.sh('client', 'tcpdump -c 3 -nn -i eth0 icmp </dev/null');
    expect(r.out).toBe(
      [
        '08:00:00.010204 IP 172.16.132.78 > 172.16.132.1: ICMP echo request, id 64985, seq 1, length 64',
        '08:00:00.010408 IP 172.16.132.1 > 172.16.132.78: ICMP echo reply, id 64985, seq 1, length 64',
        '08:00:01.010000 IP 172.16.132.78 > 172.16.132.1: ICMP echo request, id 64985, seq 2, length 64',
        '',
      ].join('\n'),
    );
    expect(r.err).toBe(
      'tcpdump: verbose output suppressed, use -v or -vv for full protocol decode\nlistening on eth0, link-type EN10MB (Ethernet), capture size 262144 bytes\n3 packets captured\n3 packets received by filter\n0 packets dropped by kernel\n',
    );
    expect(r.status).toBe(0);
  });

  it('Ctrl-C ends a capture with the statistics', () => {
    const s = new TestLab('dr');
    // A redirect keeps the line from the runner's background capture, as in a terminal.
    const r = s.sh('client', 'tcpdump -nn </dev/null', { interruptAfterUs: 2 * SEC });
    expect(r.out).toBe('');
    expect(
      r.err.endsWith('\n0 packets captured\n0 packets received by filter\n0 packets dropped by kernel\n'),
    ).toBe(true);
  });

  it('shows the IPIP encapsulation (TUN lab) and the inner packet on tunl0', () => {
    const s = new TestLab('tun');
    s.ok('router', 'sysctl -w net.ipv4.ip_forward=1');
    for (const line of [
      'modprobe ipip',
      'ip link set tunl0 up',
      'ip addr add 192.168.99.188/32 dev tunl0',
      'sysctl -w net.ipv4.conf.tunl0.rp_filter=0',
    ])
      s.ok('rs1', line);
    const outer = background(s, 'director', 'tcpdump -nn -i eth0 ip');
    const inner = background(s, 'rs1', 'tcpdump -nn -i tunl0');
    const syn: Ipv4Packet = {
      proto: 'ipv4',
      tos: 0,
      id: 1,
      df: true,
      mf: false,
      fragOffset: 0,
      ttl: 64,
      protocol: 6,
      src: '172.16.132.78',
      dst: '192.168.99.188',
      payload: {
        proto: 'tcp',
        srcPort: 40000,
        dstPort: 80,
        seq: 1,
        ack: 0,
        flags: 0x02,
        window: 64240,
        urgent: 0,
        options: [],
        data: '',
      },
    };
    // The setup commands took the shell's CPU time: the lines are read from when the SYN is sent.
    const t0 = s.sim.now;
    s.inject('director', encapsulateIpip(syn, { src: '192.168.99.120', dst: '10.10.1.10' }));
    s.run(0.01);
    expect(outer.lines[0]).toBe(
      `${stamp(t0 + 204)} IP 192.168.99.120 > 10.10.1.10: IP 172.16.132.78.40000 > 192.168.99.188.80: Flags [S], seq 1, win 64240, length 0 (ipip-proto-4)`,
    );
    expect(inner.lines).toEqual([
      `${stamp(t0 + 612)} IP 172.16.132.78.40000 > 192.168.99.188.80: Flags [S], seq 1, win 64240, length 0`,
    ]);
    expect(s.ok('rs1', 'ifconfig tunl0')).toContain('        RX packets 1  bytes 40 (40.0 B)\n');
  });

  it('a real server without ipip answers ICMP protocol 4 unreachable', () => {
    const s = new TestLab('tun');
    s.sysctl('router', 'net.ipv4.ip_forward', 1);
    const cap = background(s, 'director', 'tcpdump -nn -i eth0 icmp');
    const inner: Ipv4Packet = {
      proto: 'ipv4',
      tos: 0,
      id: 1,
      df: true,
      mf: false,
      fragOffset: 0,
      ttl: 64,
      protocol: 1,
      src: '172.16.132.78',
      dst: '192.168.99.188',
      payload: { proto: 'icmp', type: 8, code: 0, ident: 1, sequence: 1, data: '' },
    };
    s.inject('director', encapsulateIpip(inner, { src: '192.168.99.120', dst: '10.10.2.10' }));
    s.run(0.01);
    expect(cap.lines).toEqual([
      // Linux quotes the whole 48-byte IPIP packet (up to 548 bytes), so 8 + 48.
      '08:00:00.000816 IP 10.10.2.10 > 192.168.99.120: ICMP 10.10.2.10 protocol 4 unreachable, length 56',
    ]);
  });

  it('-i any with -e uses the cooked header; -q, -tttt and names without -n', () => {
    const s = drReady();
    const any = background(s, 'client', 'tcpdump -i any -e -nn -c 2');
    const quiet = background(s, 'rs1', 'tcpdump -q -tttt -nn tcp');
    const named = background(s, 'client', 'tcpdump -i eth0 -c 3');
    s.curl('client', '192.168.99.140');
    expect(any.lines).toEqual([
      '08:00:00.000000 Out 52:54:00:00:01:00 ethertype ARP (0x0806), length 44: ARP, Request who-has 172.16.132.1 tell 172.16.132.78, length 28',
      '08:00:00.000204  In 52:54:00:00:02:01 ethertype ARP (0x0806), length 62: ARP, Reply 172.16.132.1 is-at 52:54:00:00:02:01, length 46',
    ]);
    expect(quiet.lines[0]).toBe(
      '2019-08-05 08:00:00.000612 IP 172.16.132.78.57410 > 192.168.99.140.80: tcp 0',
    );
    expect(named.lines).toEqual([
      '08:00:00.000000 ARP, Request who-has gateway tell client, length 28',
      '08:00:00.000204 ARP, Reply gateway is-at 52:54:00:00:02:01, length 46',
      '08:00:00.000204 IP client.57410 > 192.168.99.140.http: Flags [S], seq 2610463599, win 64240, options [mss 1460,sackOK,TS val 1000003 ecr 0,nop,wscale 7], length 0',
    ]);
  });

  it('-D lists the capture devices', () => {
    expect(new TestLab('dr').ok('router', 'tcpdump -D')).toBe(
      '1.eth0\n2.eth1\n3.nflog (Linux netfilter log (NFLOG) interface)\n4.nfqueue (Linux netfilter queue (NFQUEUE) interface)\n5.any (Pseudo-device that captures on all interfaces)\n6.lo [Loopback]\n',
    );
  });

  it.each([
    ['tcpdump -i eth9', 'tcpdump: eth9: No such device exists\n(SIOCGIFHWADDR: No such device)\n'],
    ['tcpdump -c 0', 'tcpdump: invalid packet count 0\n'],
    ['tcpdump host', 'tcpdump: syntax error\n'],
    ['tcpdump host foo', "tcpdump: unknown host 'foo'\n"],
    ['tcpdump port abc', "tcpdump: unknown port 'abc'\n"],
    ['tcpdump net 192.168.99.1/24', 'tcpdump: non-network bits set in "192.168.99.1/24"\n'],
    ['tcpdump -g', "tcpdump: invalid option -- 'g'\n"],
  ])('%s → exit 1', (line, err) => {
    const r = new TestLab('dr').sh('client', line);
    expect(r.err.startsWith(err)).toBe(true);
    expect(r.status).toBe(1);
  });

  it('refuses a device that is down', () => {
    const s = new TestLab('dr');
    s.ok('client', 'ip link set eth0 down');
    expect(s.sh('client', 'tcpdump -i eth0')).toMatchObject({
      status: 1,
      err: 'tcpdump: eth0: That device is not up\n',
    });
  });
});

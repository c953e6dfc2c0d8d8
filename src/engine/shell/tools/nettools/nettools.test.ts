import { describe, expect, it } from 'vitest';
import { frameLength, packetLength } from '../../../packet/frame';
import type { DevStats } from '../../../stack/netdev';
import { TestLab } from '../../../testing/testLab';

const ETH0 = [
  'eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500',
  '        inet 192.168.99.140  netmask 255.255.255.0  broadcast 192.168.99.255',
  '        ether 52:54:00:00:04:00  txqueuelen 1000  (Ethernet)',
  '        RX packets 0  bytes 0 (0.0 B)',
  '        RX errors 0  dropped 0  overruns 0  frame 0',
  '        TX packets 0  bytes 0 (0.0 B)',
  '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
  '',
];

const LO = [
  'lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536',
  '        inet 127.0.0.1  netmask 255.0.0.0',
  '        loop  txqueuelen 1000  (Local Loopback)',
  '        RX packets 0  bytes 0 (0.0 B)',
  '        RX errors 0  dropped 0  overruns 0  frame 0',
  '        TX packets 0  bytes 0 (0.0 B)',
  '        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0',
  '',
];

describe('ifconfig', () => {
  it('lists up interfaces sorted by name, aliases included (the seed RS script)', () => {
    const s = new TestLab('dr');
    expect(s.sh('rs1', 'ifconfig lo:1 192.168.99.188 netmask 255.255.255.255')).toMatchObject({
      status: 0,
      out: '',
      err: '',
    });
    const alias = [
      'lo:1: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536',
      '        inet 192.168.99.188  netmask 255.255.255.255',
      '        loop  txqueuelen 1000  (Local Loopback)',
      '',
    ];
    expect(s.ok('rs1', 'ifconfig')).toBe([...ETH0, ...LO, ...alias, ''].join('\n'));
    expect(s.ok('rs1', 'ip a s lo')).toContain('    inet 192.168.99.188/32 scope global lo:1\n');
    expect(s.host('rs1').isLocalAddr('192.168.99.188')).toBe(true);
  });

  it('`ifconfig lo:1 down` removes the alias address', () => {
    const s = new TestLab('dr');
    s.ok('rs1', 'ifconfig lo:1 192.168.99.188 netmask 255.255.255.255 up');
    s.ok('rs1', 'ifconfig lo:1 down');
    expect(s.host('rs1').addrs.some((a) => a.ip === '192.168.99.188')).toBe(false);
    expect(s.ok('rs1', 'ifconfig')).toBe([...ETH0, ...LO, ''].join('\n'));
  });

  it('an eth0 alias keeps the classful broadcast when narrowed to /32 (as devinet_ioctl does)', () => {
    const s = new TestLab('dr');
    s.ok('director', 'ifconfig eth0:0 192.168.99.188 netmask 255.255.255.255 up');
    expect(s.ok('director', 'ifconfig eth0:0')).toBe(
      'eth0:0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n        inet 192.168.99.188  netmask 255.255.255.255  broadcast 192.168.99.255\n        ether 52:54:00:00:03:00  txqueuelen 1000  (Ethernet)\n\n',
    );
  });

  it('down/up on a device; stats count frames', () => {
    const s = new TestLab('dr');
    s.ok('client', 'ping -c 1 172.16.132.1');
    const out = s.ok('client', 'ifconfig eth0');
    expect(out).toContain('        RX packets 2  bytes 158 (158.0 B)\n');
    expect(out).toContain('        TX packets 2  bytes 140 (140.0 B)\n');
    s.ok('client', 'ifconfig eth0 down');
    expect(s.ok('client', 'ifconfig')).not.toContain('eth0:');
    expect(s.ok('client', 'ifconfig -a')).toContain('eth0: flags=4098<BROADCAST,MULTICAST>  mtu 1500\n');
  });

  it('stats stay exact when the trace lets old detail go (the device keeps them, not the trace)', () => {
    const whole = new TestLab('nat', 1, true);
    const bounded = new TestLab('nat', 1, true);
    bounded.rt.boundTrace(64);
    // Past the first chunk (traceChunks.ts CHUNK: 16,384 events; ~154 per request).
    for (let i = 0; i < 130; i++) {
      whole.ok('client', 'curl -s 172.16.132.18');
      bounded.ok('client', 'curl -s 172.16.132.18');
    }
    bounded.rt.boundTrace(64); // settles now (else at the next multiple of CHUNK)
    expect(bounded.sim.trace.first).toBeGreaterThan(0);
    for (const host of ['director', 'rs1', 'client']) {
      const out = bounded.ok(host, 'ifconfig -a');
      expect(out).toMatch(/RX packets [1-9]\d*/);
      expect(out).toBe(whole.ok(host, 'ifconfig -a'));
    }
  });

  it('each device counts what the trace says it sent, accepted and (tunl0) unwrapped', () => {
    for (const [lab, vip] of [
      ['nat', '172.16.132.18'],
      ['dr', '192.168.99.188'],
      ['tun', '192.168.99.188'],
    ] as const) {
      const s = new TestLab(lab, 1, true);
      for (let i = 0; i < 5; i++) s.ok('client', `curl -s ${vip}`);
      s.sh('client', 'ping -c 2 -i 0.2 ' + vip);
      const want = new Map<string, DevStats>();
      const of = (key: string) => {
        if (!want.has(key)) want.set(key, { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 });
        return want.get(key)!;
      };
      // As the trace tells it: a frame's padded length, an IPIP frame's inner packet by frame
      // id, then by packet id once received (the frame's id and the packet's differ).
      const padded = new Map<string, number>();
      const innerByFrame = new Map<string, number>();
      const innerByPkt = new Map<string, number>();
      for (const e of s.sim.trace) {
        if (e.kind === 'frame.tx') {
          const c = of(`${e.host}|${e.dev}`);
          c.txPackets++;
          c.txBytes += frameLength(e.eth, false);
          padded.set(e.frame, frameLength(e.eth, true));
          const p = e.eth.payload;
          if (p.proto === 'ipv4' && p.payload.proto === 'ipv4')
            innerByFrame.set(e.frame, packetLength(p.payload));
        } else if (e.kind === 'frame.rx' && e.accepted) {
          const c = of(`${e.host}|${e.dev}`);
          c.rxPackets++;
          c.rxBytes += padded.get(e.frame)!;
          const inner = innerByFrame.get(e.frame);
          if (inner !== undefined && e.pkt !== null) innerByPkt.set(e.pkt, inner);
        } else if (e.kind === 'ipip.decap') {
          const c = of(`${e.host}|tunl0`);
          c.rxPackets++;
          c.rxBytes += innerByPkt.get(e.pkt)!;
        }
      }
      expect(want.size).toBeGreaterThan(4);
      for (const h of s.net.hosts.values())
        for (const d of h.devices.values())
          expect([lab, h.name, d.name, d.stats]).toEqual([
            lab,
            h.name,
            d.name,
            want.get(`${h.name}|${d.name}`) ?? { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 },
          ]);
    }
  });

  it('ip addr add without brd shows broadcast 0.0.0.0 in ifconfig', () => {
    const s = new TestLab('dr');
    s.ok('rs1', 'ip addr add 10.1.1.1/24 dev eth0 label eth0:5');
    expect(s.ok('rs1', 'ifconfig eth0:5')).toContain(
      'inet 10.1.1.1  netmask 255.255.255.0  broadcast 0.0.0.0\n',
    );
  });

  it.each([
    ['ifconfig eth9', 1, '', 'eth9: error fetching interface information: Device not found\n'],
    [
      'ifconfig eth9 1.2.3.4',
      1,
      '',
      'SIOCSIFADDR: No such device\neth9: ERROR while getting interface flags: No such device\n',
    ],
    ['ifconfig lo:5 down', 1, '', 'SIOCSIFFLAGS: Cannot assign requested address\n'],
    ['ifconfig lo:5 netmask 255.0.0.0', 1, '', 'SIOCSIFNETMASK: Cannot assign requested address\n'],
    ['ifconfig eth0 foo', 1, '', "foo: Unknown host\nifconfig: `--help' gives usage information.\n"],
    [
      'ifconfig -z',
      1,
      '',
      "ifconfig: option `-z' not recognised.\nifconfig: `--help' gives usage information.\n",
    ],
    ['ifconfig eth0 224.0.0.1', 1, '', 'SIOCSIFADDR: Invalid argument\n'],
  ])('%s → exit %i', (line, status, out, err) => {
    const s = new TestLab('dr');
    const r = s.sh('rs1', line);
    expect(r.err).toBe(err);
    expect(r.out).toBe(out);
    expect(r.status).toBe(status);
  });

  it('netmask without a value prints the usage (exit 4)', () => {
    const r = new TestLab('dr').sh('rs1', 'ifconfig eth0 netmask');
    expect(r.status).toBe(4);
    expect(r.err.startsWith('Usage:\n  ifconfig [-a] [-v] [-s] <interface> [[<AF>] <address>]\n')).toBe(true);
  });
});

describe('route', () => {
  it('route -n prints /proc/net/route in net-tools format', () => {
    const s = new TestLab('dr');
    s.ok('rs1', 'route add -host 192.168.99.188 dev lo');
    expect(s.ok('rs1', 'route -n')).toBe(
      [
        'Kernel IP routing table',
        'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
        '0.0.0.0         192.168.99.1    0.0.0.0         UG    0      0        0 eth0',
        '192.168.99.0    0.0.0.0         255.255.255.0   U     0      0        0 eth0',
        '192.168.99.188  0.0.0.0         255.255.255.255 UH    0      0        0 lo',
        '',
      ].join('\n'),
    );
  });

  it('adds and deletes net and default routes', () => {
    const s = new TestLab('dr');
    s.ok('director', 'route del default');
    s.ok('director', 'route add default gw 192.168.99.254');
    s.ok('director', 'route add -net 10.0.0.0 netmask 255.0.0.0 gw 192.168.99.1');
    expect(s.ok('director', 'ip route')).toBe(
      'default via 192.168.99.254 dev eth0 \n10.0.0.0/8 via 192.168.99.1 dev eth0 \n192.168.99.0/24 dev eth0 proto kernel scope link src 192.168.99.120 \n',
    );
  });

  it.each([
    ['route add default gw 192.168.99.1', 7, 'SIOCADDRT: File exists\n'],
    ['route add -net 10.0.0.0 netmask 255.0.0.0 gw 8.8.8.8', 7, 'SIOCADDRT: Network is unreachable\n'],
    ['route del -host 1.2.3.4', 7, 'SIOCDELRT: No such process\n'],
    ['route add -host 1.2.3.4 dev eth9', 7, 'SIOCADDRT: No such device\n'],
    ['route add -net 10.0.0.0', 7, 'SIOCADDRT: Invalid argument\n'],
    ['route add -host foo dev lo', 1, 'foo: Unknown host\n'],
  ])('%s → exit %i', (line, status, err) => {
    const s = new TestLab('dr');
    const before = JSON.stringify(s.host('director').routes.routes);
    const r = s.sh('director', line);
    expect(r.err).toBe(err);
    expect(r.status).toBe(status);
    expect(JSON.stringify(s.host('director').routes.routes)).toBe(before);
  });

  it('bad netmasks print the reason and the usage (exit 4)', () => {
    const s = new TestLab('dr');
    expect(s.sh('director', 'route add -net 10.1.0.0 netmask 255.0.0.0 dev eth0').err.split('\n')[0]).toBe(
      "route: netmask doesn't match route address",
    );
    const r = s.sh('director', 'route add 10.0.0.0 netmask 255.0.0.0 dev eth0');
    expect(r.err.split('\n')[0]).toBe("route: netmask 00ffffff doesn't make sense with host route");
    expect(r.status).toBe(4);
    expect(s.sh('director', 'route -x').err.split('\n')[0]).toBe("route: invalid option -- 'x'");
  });
});

describe('arp', () => {
  it('arp -n shows complete and incomplete entries', () => {
    const s = new TestLab('dr');
    s.ok('client', 'ping -c 1 172.16.132.1');
    s.sh('client', 'ping -c 1 -W 1 172.16.132.99');
    expect(s.ok('client', 'arp -n')).toBe(
      [
        'Address                  HWtype  HWaddress           Flags Mask            Iface',
        '172.16.132.1             ether   52:54:00:00:02:01   C                     eth0',
        '172.16.132.99                    (incomplete)                              eth0',
        '',
      ].join('\n'),
    );
    expect(s.ok('client', 'arp -a')).toBe(
      'gateway (172.16.132.1) at 52:54:00:00:02:01 [ether] on eth0\n? (172.16.132.99) at <incomplete> on eth0\n',
    );
  });

  it('arp -s makes a permanent entry, arp -d removes it', () => {
    const s = new TestLab('dr');
    s.ok('router', 'arp -s 192.168.99.188 52:54:00:00:03:00');
    expect(s.ok('router', 'arp -n 192.168.99.188')).toContain(
      '192.168.99.188           ether   52:54:00:00:03:00   CM                    eth0\n',
    );
    s.ok('router', 'arp -d 192.168.99.188');
    expect(s.ok('router', 'arp -n')).toBe('');
    const r = s.sh('router', 'arp -d 192.168.99.188');
    expect(r).toMatchObject({ status: 255, out: 'No ARP entry for 192.168.99.188\n' });
  });

  it.each([
    ['arp -s 1.2.3.4 zz:zz', 255, 'arp: invalid hardware address\n'],
    ['arp -s 8.8.8.8 00:11:22:33:44:55', 255, 'SIOCSARP: Network is unreachable\n'],
    ['arp -n foo', 255, 'foo: Unknown host\n'],
    ['arp -H foo', 255, 'arp: foo: unknown hardware type.\n'],
  ])('%s → exit %i', (line, status, err) => {
    const r = new TestLab('dr').sh('client', line);
    expect(r.err).toBe(err);
    expect(r.status).toBe(status);
  });
});

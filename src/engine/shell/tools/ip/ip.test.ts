import { describe, expect, it } from 'vitest';
import { TestLab } from '../../../testing/testLab';

const LO = [
  '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
  '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
  '    inet 127.0.0.1/8 scope host lo',
  '       valid_lft forever preferred_lft forever',
];

describe('ip addr', () => {
  it('shows the lab addresses as iproute2 4.11 does', () => {
    const s = new TestLab('dr');
    expect(s.ok('director', 'ip addr')).toBe(
      [
        ...LO,
        '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP group default qlen 1000',
        '    link/ether 52:54:00:00:03:00 brd ff:ff:ff:ff:ff:ff',
        '    inet 192.168.99.120/24 brd 192.168.99.255 scope global eth0',
        '       valid_lft forever preferred_lft forever',
        '',
      ].join('\n'),
    );
  });

  it('`ip a a VIP dev eth0` adds a /32 without brd (the seed DR step)', () => {
    const s = new TestLab('dr');
    expect(s.sh('director', 'ip a a 192.168.99.188 dev eth0')).toMatchObject({
      status: 0,
      out: '',
      err: '',
    });
    expect(s.ok('director', 'ip a s dev eth0')).toContain(
      '    inet 192.168.99.188/32 scope global eth0\n       valid_lft forever preferred_lft forever\n',
    );
    expect(s.host('director').isLocalAddr('192.168.99.188')).toBe(true);
  });

  it('label, scope host and brd +', () => {
    const s = new TestLab('dr');
    s.ok('rs1', 'ip addr add 192.168.99.188/32 dev lo label lo:1 scope host');
    s.ok('rs1', 'ip addr add 10.0.0.1/24 brd + dev eth0');
    const out = s.ok('rs1', 'ip -4 a');
    expect(out).toContain('    inet 192.168.99.188/32 scope host lo:1\n');
    expect(out).toContain('    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0\n');
    expect(out).not.toContain('link/ether');
  });

  it('-o and -br', () => {
    const s = new TestLab('nat');
    expect(s.ok('client', 'ip -o -4 a s eth0')).toBe(
      '2: eth0    inet 172.16.132.78/24 brd 172.16.132.255 scope global eth0\\       valid_lft forever preferred_lft forever\n',
    );
    expect(s.ok('client', 'ip -br a')).toBe(
      'lo               UNKNOWN        127.0.0.1/8 \neth0             UP             172.16.132.78/24 \n',
    );
  });

  it('del with and without prefix', () => {
    const s = new TestLab('dr');
    s.ok('director', 'ip addr add 192.168.99.188/32 dev eth0');
    const r = s.sh('director', 'ip addr del 192.168.99.188 dev eth0');
    expect(r.status).toBe(0);
    expect(r.err).toContain('Warning: Executing wildcard deletion to stay compatible with old scripts.');
    expect(r.err).toContain('(192.168.99.188/32)');
    expect(s.host('director').isLocalAddr('192.168.99.188')).toBe(false);
  });

  it('flush dev removes every address of the device', () => {
    const s = new TestLab('dr');
    s.ok('rs1', 'ip addr add 192.168.99.188/32 dev lo');
    s.ok('rs1', 'ip addr flush dev lo');
    expect(s.host('rs1').addrsOf('lo')).toEqual([]);
  });

  it.each([
    ['ip addr add 192.168.99.120/24 dev eth0', 2, 'RTNETLINK answers: File exists\n'],
    ['ip addr add 1.2.3.4/32 dev eth9', 1, 'Cannot find device "eth9"\n'],
    ['ip addr add foo dev eth0', 1, 'Error: ??? prefix is expected rather than "foo".\n'],
    ['ip -4 addr add 300.1.1.1 dev eth0', 1, 'Error: inet prefix is expected rather than "300.1.1.1".\n'],
    ['ip addr add 1.2.3.4', 1, 'Not enough information: "dev" argument is required.\n'],
    ['ip addr add 1.2.3.4 dev eth0 label lo:1', 1, '"dev" (eth0) must match "label" (lo:1).\n'],
    [
      'ip addr add 1.2.3.4 dev eth0 scope bogus',
      255,
      'Error: argument "bogus" is wrong: invalid scope value.\n',
    ],
    [
      'ip addr add 1.2.3.4 5.6.7.8 dev eth0',
      255,
      'Error: either "local" is duplicate, or "5.6.7.8" is a garbage.\n',
    ],
    ['ip addr del 9.9.9.9/32 dev eth0', 2, 'RTNETLINK answers: Cannot assign requested address\n'],
    ['ip addr show dev eth9', 1, 'Device "eth9" does not exist.\n'],
    ['ip addr flush', 1, 'Flush requires arguments.\n'],
    ['ip addr frob', 255, 'Command "frob" is unknown, try "ip addr help".\n'],
    ['ip frob', 1, 'Object "frob" is unknown, try "ip help".\n'],
    ['ip -z a', 255, 'Option "-z" is unknown, try "ip -help".\n'],
    ['ip addr add dev eth0', 2, 'RTNETLINK answers: Invalid argument\n'],
    ['ip addr add dev', 255, 'Command line is not complete. Try option "help"\n'],
  ])('%s → exit %i', (line, status, err) => {
    const s = new TestLab('dr');
    const before = JSON.stringify(s.host('director').addrs);
    const r = s.sh('director', line);
    expect(r.err).toBe(err);
    expect(r.status).toBe(status);
    expect(JSON.stringify(s.host('director').addrs)).toBe(before);
  });

  it('ip with no arguments prints the usage (exit 255)', () => {
    const r = new TestLab('dr').sh('director', 'ip');
    expect(r.status).toBe(255);
    expect(r.err.startsWith('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n')).toBe(true);
  });
});

describe('ip link', () => {
  it('shows links with mode DEFAULT and sets them down and up', () => {
    const s = new TestLab('dr');
    expect(s.ok('rs1', 'ip link show eth0')).toBe(
      '2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc pfifo_fast state UP mode DEFAULT group default qlen 1000\n' +
        '    link/ether 52:54:00:00:04:00 brd ff:ff:ff:ff:ff:ff\n',
    );
    s.ok('rs1', 'ip l s eth0 down');
    expect(s.ok('rs1', 'ip link show dev eth0')).toContain(
      '<BROADCAST,MULTICAST> mtu 1500 qdisc pfifo_fast state DOWN',
    );
    expect(s.host('rs1').routes.list('main')).toEqual([]);
    s.ok('rs1', 'ip link set dev eth0 up');
    expect(s.host('rs1').devices.get('eth0')?.up).toBe(true);
  });

  it('`ip link add tunl0 type ipip` autoloads ipip, which already made tunl0', () => {
    const s = new TestLab('tun');
    const r = s.sh('rs1', 'ip link add tunl0 type ipip');
    expect(r).toMatchObject({ status: 2, err: 'RTNETLINK answers: File exists\n' });
    expect(s.host('rs1').modules.has('ipip')).toBe(true);
    expect(s.ok('rs1', 'ip link show tunl0')).toBe(
      '3: tunl0@NONE: <NOARP> mtu 1480 qdisc noop state DOWN mode DEFAULT group default qlen 1\n    link/ipip 0.0.0.0 brd 0.0.0.0\n',
    );
  });

  it('named ipip tunnels are created and deleted', () => {
    const s = new TestLab('tun');
    s.ok('rs1', 'ip link add tun1 type ipip remote 192.168.99.120 local 10.10.1.10');
    expect(s.ok('rs1', 'ip link show tun1')).toContain('link/ipip 10.10.1.10 peer 192.168.99.120');
    expect(s.ok('rs1', 'ip tunnel show')).toBe(
      'tunl0: ip/ip  remote any  local any  ttl inherit  nopmtudisc\ntun1: ip/ip  remote 192.168.99.120  local 10.10.1.10  ttl inherit  nopmtudisc\n',
    );
    s.ok('rs1', 'ip link del tun1');
    expect(s.host('rs1').devices.has('tun1')).toBe(false);
  });

  it.each([
    ['ip link set eth9 up', 1, 'Cannot find device "eth9"\n'],
    ['ip link set up', 255, 'Not enough information: "dev" argument is required.\n'],
    ['ip link set eth0 mtu abc', 255, 'Error: argument "abc" is wrong: Invalid "mtu" value\n\n'],
    ['ip link set eth0 mtu 10', 2, 'RTNETLINK answers: Invalid argument\n'],
    ['ip link add foo type veth', 2, 'RTNETLINK answers: Operation not supported\n'],
    ['ip link add foo', 1, 'Not enough information: "type" argument is required\n'],
    ['ip link del eth0', 2, 'RTNETLINK answers: Operation not supported\n'],
    ['ip link show lo:1', 1, 'Device "lo:1" does not exist.\n'],
  ])('%s → exit %i', (line, status, err) => {
    const s = new TestLab('dr');
    const r = s.sh('rs1', line);
    expect(r.err).toBe(err);
    expect(r.status).toBe(status);
  });
});

describe('ip route', () => {
  it('shows the main table with trailing spaces, as 4.11 prints it', () => {
    const s = new TestLab('dr');
    expect(s.ok('director', 'ip route')).toBe(
      'default via 192.168.99.1 dev eth0 \n192.168.99.0/24 dev eth0 proto kernel scope link src 192.168.99.120 \n',
    );
  });

  it('adds and deletes routes; a gateway anywhere on the LAN will do', () => {
    const s = new TestLab('dr');
    s.ok('director', 'ip route del default');
    s.ok('director', 'ip route add default via 192.168.99.254');
    s.ok('director', 'ip route add 10.0.0.0/8 via 192.168.99.1 metric 5');
    s.ok('director', 'ip r a 192.168.99.188 dev lo');
    expect(s.ok('director', 'ip route show')).toBe(
      [
        'default via 192.168.99.254 dev eth0 ',
        '10.0.0.0/8 via 192.168.99.1 dev eth0 metric 5 ',
        '192.168.99.0/24 dev eth0 proto kernel scope link src 192.168.99.120 ',
        '192.168.99.188 dev lo scope link ',
        '',
      ].join('\n'),
    );
  });

  it('get resolves the output route', () => {
    const s = new TestLab('dr');
    expect(s.ok('director', 'ip route get 172.16.132.78')).toBe(
      '172.16.132.78 via 192.168.99.1 dev eth0 src 192.168.99.120 \n    cache \n',
    );
    expect(s.ok('director', 'ip route get 192.168.99.120')).toBe(
      'local 192.168.99.120 dev lo src 192.168.99.120 \n    cache <local> \n',
    );
  });

  it.each([
    ['ip route add default via 192.168.99.1', 2, 'RTNETLINK answers: File exists\n'],
    ['ip route add 10.0.0.0/8 via 8.8.8.8', 2, 'RTNETLINK answers: Network is unreachable\n'],
    ['ip route add 10.0.0.0/8', 2, 'RTNETLINK answers: No such device\n'],
    ['ip route add 10.0.0.1/8 dev eth0', 2, 'RTNETLINK answers: Invalid argument\n'],
    ['ip route add 10.0.0.0/8 dev eth9', 1, 'Cannot find device "eth9"\n'],
    ['ip route add 10.0.0.0/8 via foo', 1, 'Error: ??? address is expected rather than "foo".\n'],
    ['ip route del 10.9.0.0/16', 2, 'RTNETLINK answers: No such process\n'],
    ['ip route flush', 1, '"ip route flush" requires arguments.\n'],
    ['ip route get 8.8.8.8 oif lo', 2, 'RTNETLINK answers: Network is unreachable\n'],
  ])('%s → exit %i', (line, status, err) => {
    const s = new TestLab('dr');
    const before = JSON.stringify(s.host('director').routes.routes);
    const r = s.sh('director', line);
    expect(r.err).toBe(err);
    expect(r.status).toBe(status);
    expect(JSON.stringify(s.host('director').routes.routes)).toBe(before);
  });
});

describe('ip neigh', () => {
  it('prints REACHABLE entries with lladdr and FAILED ones without', () => {
    const s = new TestLab('dr');
    s.ok('client', 'ping -c 1 172.16.132.1');
    s.sh('client', 'ping -c 1 -W 5 172.16.132.99');
    expect(s.ok('client', 'ip neigh show')).toBe(
      '172.16.132.1 dev eth0 lladdr 52:54:00:00:02:01 REACHABLE\n172.16.132.99 dev eth0  FAILED\n',
    );
    expect(s.ok('client', 'ip neigh show dev eth0')).toBe(
      '172.16.132.1 lladdr 52:54:00:00:02:01 REACHABLE\n172.16.132.99  FAILED\n',
    );
    s.run(60);
    expect(s.ok('client', 'ip n')).toContain('172.16.132.1 dev eth0 lladdr 52:54:00:00:02:01 STALE\n');
  });

  it('add/replace permanent entries (the "static ARP" DR fix) and flush', () => {
    const s = new TestLab('dr');
    s.ok('router', 'ip neigh add 192.168.99.188 lladdr 52:54:00:00:03:00 dev eth0');
    expect(s.ok('router', 'ip neigh')).toBe('192.168.99.188 dev eth0 lladdr 52:54:00:00:03:00 PERMANENT\n');
    expect(s.sh('router', 'ip neigh add 192.168.99.188 lladdr 52:54:00:00:03:00 dev eth0').err).toBe(
      'RTNETLINK answers: File exists\n',
    );
    s.ok('router', 'ip neigh replace 192.168.99.188 lladdr 52:54:00:00:04:00 dev eth0 nud reachable');
    expect(s.ok('router', 'ip neigh')).toBe('192.168.99.188 dev eth0 lladdr 52:54:00:00:04:00 REACHABLE\n');
    s.ok('router', 'ip neigh flush dev eth0');
    expect(s.ok('router', 'ip neigh')).toBe('');
  });

  it.each([
    ['ip neigh flush', 1, 'Flush requires arguments.\n'],
    ['ip neigh add 1.2.3.4 lladdr zz dev eth0', 1, '"zz" is invalid lladdr.\n'],
    [
      'ip neigh add 1.2.3.4 lladdr 00:11:22:33:44:55',
      255,
      'Device and destination are required arguments.\n',
    ],
    ['ip neigh del 1.2.3.4 dev eth0', 2, 'RTNETLINK answers: No such file or directory\n'],
    [
      'ip neigh add 1.2.3.4 lladdr 00:11:22:33:44:55 dev eth0 nud bogus',
      255,
      'Error: argument "bogus" is wrong: nud state is bad\n',
    ],
  ])('%s → exit %i', (line, status, err) => {
    const r = new TestLab('dr').sh('router', line);
    expect(r.err).toBe(err);
    expect(r.status).toBe(status);
  });
});

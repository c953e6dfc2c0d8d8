/** One check per remaining error message (the per-tool suites cover the common ones). */
import { describe, expect, it } from 'vitest';
import { TestLab } from '../../testing/testLab';

describe('error messages', () => {
  it.each([
    [
      'ip route add 10.0.0.0/8 dev eth0 table foo',
      255,
      'Error: argument "foo" is wrong: "table" value is invalid\n',
    ],
    [
      'ip route add 10.0.0.0/8 dev eth0 metric x',
      255,
      'Error: argument "x" is wrong: "metric" value is invalid\n',
    ],
    ['ip route add 10.0.0.0/8 dev eth0 src 1.2.3.4', 2, 'RTNETLINK answers: Invalid argument\n'],
    ['ip route frob', 255, 'Command "frob" is unknown, try "ip route help".\n'],
    ['ip link frob', 255, 'Command "frob" is unknown, try "ip link help".\n'],
    ['ip neigh frob', 255, 'Command "frob" is unknown, try "ip neigh help".\n'],
    ['ip -f ipx a', 255, 'Error: argument "ipx" is wrong: invalid protocol family\n'],
    ['ip link add tun9 type ipip ttl 999', 255, 'Error: argument "999" is wrong: invalid TTL\n\n'],
    ['ip link add tun9 type ipip frob', 255, 'ipip: unknown command "frob"?\n'],
    ['ip link set eth0 arp maybe', 255, 'Error: argument of "arp" must be "on" or "off", not "maybe"\n'],
    ['ip xfrm state', 1, 'ip: "xfrm" is not simulated in this lab\n'],
    ['ifconfig eth0 mtu 10', 1, 'SIOCSIFMTU: Invalid argument\n'],
    ['ifconfig eth0 netmask 255.0.255.0', 1, 'SIOCSIFNETMASK: Invalid argument\n'],
    ['ifconfig eth0 hw ether 00:11:22:33:44:55', 1, 'ifconfig: "hw" is not simulated in this lab\n'],
    ['route flush', 4, "Flushing `inet' routing table not supported\n"],
    ['route add -net 10.0.0.0 netmask foo dev eth0', 6, 'foo: Unknown host\n'],
    ['arp -s 1.2.3.4 00:11:22:33:44:55 pub', 1, 'arp: proxy ARP entries are not simulated in this lab\n'],
    ['arp -i eth9 -s 192.168.99.5 00:11:22:33:44:55', 255, 'SIOCSARP: No such device\n'],
    ['sysctl -N -q net.ipv4.ip_forward', 1, 'sysctl: options -N and -q can not coexist\n'],
    ['sysctl -w', 1, 'sysctl: no variables specified\n'],
    ['sysctl --system', 1, 'sysctl: --system is not simulated in this lab (use -p)\n'],
    [
      'curl -o /nope/x 192.168.99.140',
      23,
      'Warning: Failed to create the file /nope/x: No such file or directory\ncurl: (23) Failed writing body (0 != 4)\n',
    ],
    ['curl -O 192.168.99.140', 23, 'curl: (23) Remote file name has no length!\n'],
    ['curl -X POST 192.168.99.140', 1, 'curl: only GET and HEAD requests are simulated in this lab\n'],
    ['curl 1.2.3.4:99999', 3, 'curl: (3) Port number too large: 99999\n'],
    ['ping -s 70000 1.2.3.4', 2, 'ping: packet size 70000 is too large. Maximum is 65507\n'],
    ['ping -s -1 1.2.3.4', 2, 'ping: illegal negative packet size -1.\n'],
    ['ping -t 300 1.2.3.4', 2, 'ping: ttl 300 out of range\n'],
    ['ping -w -1 1.2.3.4', 2, 'ping: bad wait time.\n'],
    ['ping -I eth9 1.2.3.4', 2, 'ping: unknown iface eth9\n'],
    ['ping -f 1.2.3.4', 2, 'ping: option -f is not simulated in this lab\n'],
    ['ss -nt sport', 255, 'ss: bad filter near "sport"\n'],
    ['ss -nt frob 1', 255, 'ss: filter "frob" is not simulated in this lab\n'],
    ['tcpdump -c abc', 1, 'tcpdump: invalid packet count abc\n'],
    ['tcpdump -s 999999', 1, 'tcpdump: invalid snaplen 999999\n'],
    [
      'tcpdump -w /tmp/x',
      1,
      "tcpdump: option -w is not simulated in this lab (the CLI's --pcap writes captures)\n",
    ],
    ['tcpdump net 1.2.3.0/40', 1, 'tcpdump: mask length must be <= 32\n'],
    ['tcpdump ip proto foo', 1, "tcpdump: unknown ip proto 'foo'\n"],
    ['tcpdump ether host 1.2.3.4', 1, "tcpdump: bad ether address '1.2.3.4'\n"],
    ['tcpdump port 70000', 1, 'tcpdump: illegal port number 70000 > 65535\n'],
    [
      'systemctl',
      1,
      'systemctl: listing all units is not simulated in this lab; try "systemctl status httpd"\n',
    ],
    ['systemctl -x status', 1, "systemctl: invalid option -- 'x'\n"],
    [
      'systemctl start firewalld',
      1,
      'Failed to start firewalld.service: the lab hosts have no packet filter to run.\n',
    ],
    [
      'service httpd',
      1,
      'Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n',
    ],
    ['yum list', 1, 'yum: only "install" and "remove" are simulated in this lab\n'],
    ['yum install', 1, 'Loaded plugins: fastestmirror\nError: Need to pass a list of pkgs to install\n'],
    ['modprobe -x ipip', 1, "modprobe: ERROR: unknown option '-x'\n"],
    ['modprobe -r ipip', 1, 'modprobe: FATAL: Module ipip is in use.\n'],
    ['modprobe dummy', 1, 'modprobe: the dummy module is not simulated in this lab\n'],
    ['hostname newname', 1, 'hostname: the host name cannot be changed in this lab\n'],
  ])('%s → exit %i', (line, status, err) => {
    const s = new TestLab('dr');
    s.ok('router', 'sysctl -w net.ipv4.ip_forward=1');
    if (line.startsWith('modprobe -r')) s.ok('rs1', 'modprobe ipip');
    const r = s.sh(line.startsWith('curl') ? 'client' : 'rs1', line);
    expect(r.err.startsWith(err)).toBe(true);
    expect(r.status).toBe(status);
  });
});

describe('more formats', () => {
  it('ip route show table all and ip rule', () => {
    const s = new TestLab('dr');
    const all = s.ok('rs1', 'ip route show table all');
    expect(
      all.startsWith(
        'default via 192.168.99.1 dev eth0 \n192.168.99.0/24 dev eth0 proto kernel scope link src 192.168.99.140 \n',
      ),
    ).toBe(true);
    expect(all).toContain(
      'local 192.168.99.140 dev eth0 table local proto kernel scope host src 192.168.99.140 \n',
    );
    expect(s.ok('rs1', 'ip rule')).toBe(
      '0:\tfrom all lookup local \n32766:\tfrom all lookup main \n32767:\tfrom all lookup default \n',
    );
  });

  it('ifconfig -s', () => {
    const s = new TestLab('dr');
    s.ok('rs1', 'ifconfig lo:1 192.168.99.188 netmask 255.255.255.255');
    expect(s.ok('rs1', 'ifconfig -s')).toBe(
      [
        'Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg',
        'eth0      1500        0      0      0 0             0      0      0      0 BMRU',
        'lo       65536        0      0      0 0             0      0      0      0 LRU',
        'lo:1     65536      - no statistics available -                        LRU',
        '',
      ].join('\n'),
    );
  });
});

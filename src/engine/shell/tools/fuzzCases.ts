/**
 * Token alphabets and valid seed lines for the per-tool fuzz test: random lines are drawn from
 * a tool's own words plus junk, mutated lines start from a seed that works.
 */
import { parseCurlArgs } from './curl/curlArgs';
export interface FuzzTool {
  name: string;
  lab: 'nat' | 'dr' | 'tun';
  host: string;
  words: string[];
  seeds: string[];
  /** A failing run must leave the host's addresses, routes, links and neighbours unchanged. */
  atomic?: boolean;
  /** Exit codes that report a state on stdout rather than an error (ping's 1, systemctl's 3). */
  stdoutStatus?: number[];
  /** A line this predicate accepts may fail silently, as the real tool would (curl -s). */
  silent?: (argv: string[]) => boolean;
}

/** curl -s without -S prints no error (asked of curl's own option parser). */
function curlSilent(argv: string[]): boolean {
  try {
    const o = parseCurlArgs(argv);
    return o.silent && !o.showError;
  } catch {
    return false;
  }
}

/** Split a space-separated word list (keeps the tables short). */
function w(list: string): string[] {
  return list.split(' ');
}

export const JUNK = [
  '',
  '-',
  '--',
  '-x',
  '--x',
  'abc',
  '0',
  '1',
  '-1',
  '65536',
  '99999999999',
  '1.2.3.4',
  '1.2.3.4/24',
  '300.1.1.1',
  '1.2.3.4/33',
  '192.168.99.188',
  '192.168.99.188/32',
  '0.0.0.0',
  '255.255.255.255',
  '::1',
  'eth0',
  'eth9',
  'lo',
  'lo:1',
  'tunl0',
  '52:54:00:00:03:00',
  'zz:zz',
  '%',
  "'",
  '"',
  '\\',
  'é',
  '中',
  'dev',
  'up',
  'down',
  '=',
  ':',
  '/',
  '0x10',
  '010',
];

export const TOOLS: FuzzTool[] = [
  {
    name: 'ip',
    lab: 'dr',
    host: 'director',
    atomic: true,
    words: w(
      '-4 -6 -0 -o -br -s -d -f inet link a addr address add del delete show s flush l set route r neigh n rule tunnel get label scope host global brd + broadcast via src metric table main local all proto static type ipip remote nud permanent reachable lladdr mtu 1500 name help default to arp on off replace change tun1 192.168.99.1 192.168.99.0/24 10.0.0.0/8',
    ),
    seeds: [
      'ip a a 192.168.99.188 dev eth0',
      'ip addr add 192.168.99.188/32 dev lo label lo:1 scope host',
      'ip addr del 192.168.99.188/32 dev eth0',
      'ip -4 a s dev eth0',
      'ip link set eth0 up',
      'ip link add tun1 type ipip remote 1.2.3.4',
      'ip route add 10.0.0.0/8 via 192.168.99.1 metric 3',
      'ip route replace default via 192.168.99.1',
      'ip route get 172.16.132.78',
      'ip neigh add 192.168.99.5 lladdr 52:54:00:00:03:00 dev eth0 nud reachable',
      'ip neigh flush dev eth0',
      'ip -o -br link',
    ],
  },
  {
    name: 'ifconfig',
    lab: 'dr',
    host: 'rs1',
    words: w(
      '-a -s -v up down netmask broadcast mtu 255.255.255.255 255.255.255.0 lo:1 eth0:0 inet add hw arp -arp 1400',
    ),
    seeds: [
      'ifconfig lo:1 192.168.99.188 netmask 255.255.255.255 broadcast 192.168.99.188 up',
      'ifconfig lo:1 down',
      'ifconfig eth0',
      'ifconfig -a',
      'ifconfig eth0:0 10.1.1.1/24',
      'ifconfig eth0 mtu 1400',
    ],
  },
  {
    name: 'route',
    lab: 'dr',
    host: 'director',
    atomic: true,
    words: w(
      '-n -e -v -C -F -A inet add del -net -host default gw netmask metric reject mss flush 192.168.99.1 255.0.0.0 10.0.0.0',
    ),
    seeds: [
      'route -n',
      'route add -host 192.168.99.188 dev lo',
      'route add -net 10.0.0.0 netmask 255.0.0.0 gw 192.168.99.1',
      'route del default',
      'route add default gw 192.168.99.254',
    ],
  },
  {
    name: 'arp',
    lab: 'dr',
    host: 'router',
    atomic: true,
    stdoutStatus: [255],
    words: w('-n -a -e -s -d -i -H ether temp pub -v -D 192.168.99.140 172.16.132.78'),
    seeds: [
      'arp -n',
      'arp -a',
      'arp -s 192.168.99.188 52:54:00:00:03:00',
      'arp -d 192.168.99.188',
      'arp -n -i eth0 192.168.99.140',
    ],
  },
  {
    name: 'sysctl',
    lab: 'dr',
    host: 'router',
    words: w(
      '-w -p -a -n -e -q -N -b -r net.ipv4.ip_forward net.ipv4.ip_forward=1 net.ipv4.conf.all.arp_ignore=8 net/ipv4/conf/lo/arp_announce=2 net.ipv4.foo =1 net.ipv4.ip_forward=abc /etc/sysctl.conf --load --system -V net.ipv4.conf',
    ),
    seeds: [
      'sysctl -w net.ipv4.ip_forward=1',
      'sysctl -p',
      'sysctl -a',
      'sysctl net.ipv4.conf.all.rp_filter',
      'sysctl -n -e net.ipv4.foo',
    ],
  },
  {
    name: 'modprobe',
    lab: 'tun',
    host: 'rs1',
    words: w('-r -q -a ipip ip_vs ip_vs_rr foo dummy bridge --remove ip-vs'),
    seeds: ['modprobe ipip', 'modprobe ip_vs', 'modprobe -r ipip'],
  },
  { name: 'lsmod', lab: 'tun', host: 'rs1', words: w('-h'), seeds: ['lsmod'] },
  {
    name: 'curl',
    lab: 'dr',
    host: 'client',
    silent: curlSilent,
    words: [
      '-s',
      '-S',
      '-I',
      '-i',
      '-v',
      '-f',
      '-m',
      '--max-time',
      '2',
      '-o',
      '/tmp/x',
      '/nope/x',
      '-O',
      '-w',
      '%{http_code}',
      '-X',
      'GET',
      'POST',
      'HEAD',
      '-H',
      'Host: x',
      'http://',
      'http://192.168.99.140/',
      '192.168.99.140',
      '192.168.99.140:80',
      '192.168.99.140:8x',
      'ftp://x',
      'localhost',
      'rs1',
      '--bogus',
      '-L',
      '-k',
      'https://192.168.99.140',
      '-sS',
      '--interface',
      'eth0',
      'eth9',
      '172.16.132.78',
      '10.9.9.9',
      '--local-port',
      '40000',
      '40000-40002',
      '0',
      '70000',
      '5-3',
      '--connect-timeout',
      '1',
      '%{remote_ip}',
      '%{time_total}\\n',
      '%{local_port}',
      'X-A: b',
      'Accept:',
      'X;',
    ],
    seeds: [
      'curl 192.168.99.140',
      'curl -s -m 1 http://192.168.99.150:80/index.html',
      'curl -I 192.168.99.140',
      'curl -sS -o /tmp/p -w %{http_code} 192.168.99.140',
      'curl -v --interface eth0 --local-port 40000-40002 192.168.99.140',
      'curl -s --connect-timeout 1 -w %{remote_ip}:%{time_total} 192.168.99.99',
      'curl -v -H X-A:b -H Accept: 192.168.99.150',
    ],
  },
  {
    name: 'ab',
    lab: 'dr',
    host: 'client',
    words: w(
      '-n 1 5 40 200 -c 2 8 0 -1 -t 1 -k -q -i -d -S -l -r -V -h -B 172.16.132.78 10.9.9.9 -H X-A:b -p -z -w -s http://192.168.99.140/ http://192.168.99.140 https://x/ 192.168.99.140/ http://192.168.99.99/ http://192.168.99.140:81/ http://rs1/ http://192.168.99.140:0/',
    ),
    seeds: [
      'ab -n 5 -c 2 http://192.168.99.140/',
      'ab -q -n 200 -c 8 -k http://192.168.99.140/',
      'ab -n 4 -B 172.16.132.78 -H X-A:b http://192.168.99.150/index.html',
      'ab -t 1 -c 2 http://192.168.99.140/',
    ],
  },
  {
    name: 'ping',
    lab: 'dr',
    host: 'director',
    stdoutStatus: [1],
    words: w(
      '-c 1 2 -i 0.2 -W -w -s 100 -q -n -I 192.168.99.140 192.168.99.255 192.168.99.99 127.0.0.1 -f -t 64 -V',
    ),
    seeds: ['ping -c 1 192.168.99.140', 'ping -c 2 -i 0.2 -W 1 192.168.99.1', 'ping -w 1 -q 127.0.0.1'],
  },
  {
    name: 'ss',
    lab: 'dr',
    host: 'rs1',
    words: w(
      '-n -t -u -l -a -p -4 -e -o state established listening all sport dport :80 src dst ( ) and -s -x -ntl -ntlp',
    ),
    seeds: [
      'ss -ntl',
      'ss -nt',
      'ss -ntlp',
      'ss -nt state established',
      'ss -nta sport = :80',
      'ss -s',
      'ss -s -t',
    ],
  },
  {
    name: 'tcpdump',
    lab: 'dr',
    host: 'client',
    words: w(
      '-i any -n -nn -e -c 3 -t -tt -tttt -S -q -D host net port src dst tcp udp icmp arp ip proto and or not ! ( ) 80 http 172.16.132.0/24 ether -s -v -w && ||',
    ),
    seeds: [
      'tcpdump -i eth0 -nn -c 1',
      'tcpdump -nn -e -c 2 arp or icmp',
      'tcpdump -i any -c 1 host 172.16.132.1',
      'tcpdump -D',
    ],
  },
  {
    name: 'systemctl',
    lab: 'dr',
    host: 'rs1',
    stdoutStatus: [1, 3],
    words: w(
      'start stop restart status enable disable is-active is-enabled is-failed reload try-restart daemon-reload httpd httpd.service firewalld sshd --no-pager -l',
    ),
    seeds: [
      'systemctl status httpd',
      'systemctl stop httpd',
      'systemctl start httpd',
      'systemctl enable httpd',
      'systemctl is-active httpd',
    ],
  },
  {
    name: 'service',
    lab: 'dr',
    host: 'rs1',
    stdoutStatus: [1, 3],
    words: w('httpd firewalld start stop status restart'),
    seeds: ['service httpd status', 'service httpd restart'],
  },
  {
    name: 'yum',
    lab: 'dr',
    host: 'client',
    stdoutStatus: [1],
    words: w('install remove erase -y --assumeyes httpd ipvsadm tcpdump nosuch list -q'),
    seeds: ['yum install -y httpd', 'yum -y install ipvsadm', 'yum remove -y httpd'],
  },
  {
    name: 'hostname',
    lab: 'dr',
    host: 'director',
    words: w('-I -i -s -f -x newname'),
    seeds: ['hostname', 'hostname -I'],
  },
  {
    name: 'uname',
    lab: 'dr',
    host: 'director',
    words: w('-a -r -n -s -m -x --all extra -rn'),
    seeds: ['uname -r', 'uname -a'],
  },
];

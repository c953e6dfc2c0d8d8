import type { LabDefinition } from './labTypes';
import { DEFAULT_LAB_SIZE, labClient, realServer, sizedHosts, upTo } from './labSize';
import type { LabSize } from './labSize';
import { directorSteps, lanDirector, VIP_ROUTED } from './routedLab';

const rsSteps = (host: string): LabDefinition['configure'] => [
  { host, command: 'modprobe ipip' },
  { host, command: 'ip link set tunl0 up' },
  { host, command: 'ip addr add 192.168.99.188/32 dev tunl0' },
  { host, command: 'sysctl -w net.ipv4.conf.tunl0.rp_filter=0' },
  { host, command: 'sysctl -w net.ipv4.conf.all.rp_filter=0' },
  { host, command: 'sysctl -w net.ipv4.conf.all.arp_ignore=1' },
  { host, command: 'sysctl -w net.ipv4.conf.all.arp_announce=2' },
];

const noRpFilter = { 'net.ipv4.conf.default.rp_filter': 0 };

/** Odd k on dc1 (10.10.1.x), even k on dc2: rs1 10.10.1.10, rs2 10.10.2.10, rs3 10.10.1.11 … */
const rs = (k: number) => {
  const dc = 1 + ((k + 1) % 2);
  return realServer(k, `10.10.${dc}.${9 + Math.ceil(k / 2)}`, `dc${dc}`, `10.10.${dc}.1`, 80);
};
const client = (j: number) => labClient(j, '172.16.132.1');

/** LVS-TUN across a router to two data centres (docs/linux-behaviour.md, "The labs"). */
export function tunLab(size: LabSize = DEFAULT_LAB_SIZE): LabDefinition {
  const table = [
    client(1),
    {
      name: 'router',
      role: 'router' as const,
      // The router's interfaces keep rp_filter 0: replies from the real servers carry the VIP.
      sysctl: noRpFilter,
      ifaces: [
        { dev: 'eth0', addr: '192.168.99.1', prefix: 24, segment: 'lan' },
        { dev: 'eth1', addr: '172.16.132.1', prefix: 24, segment: 'public' },
        { dev: 'eth2', addr: '10.10.1.1', prefix: 24, segment: 'dc1' },
        { dev: 'eth3', addr: '10.10.2.1', prefix: 24, segment: 'dc2' },
      ],
    },
    lanDirector,
    rs(1),
    rs(2),
  ];
  const servers = upTo(size.servers).map(rs);
  return {
    id: 'tun',
    segments: [
      { name: 'public', subnet: '172.16.132.0/24' },
      { name: 'lan', subnet: '192.168.99.0/24' },
      { name: 'dc1', subnet: '10.10.1.0/24' },
      { name: 'dc2', subnet: '10.10.2.0/24' },
    ],
    hosts: sizedHosts(table, size, rs, client),
    vip: VIP_ROUTED,
    vport: 80,
    rport: 80,
    configure: [
      ...directorSteps(
        servers.map((h) => h.ifaces[0]!.addr),
        '-i',
      ),
      ...servers.flatMap((h) => rsSteps(h.name)),
    ],
  };
}

import type { LabDefinition } from './labTypes';
import { DEFAULT_LAB_SIZE, labClient, realServer, sizedHosts, upTo } from './labSize';
import type { LabSize } from './labSize';
import { directorSteps, lanDirector, VIP_ROUTED } from './routedLab';

/** What the seed's `lvs_dr_rs.sh start` does on a DR real server. */
export const drRsSteps = (host: string): LabDefinition['configure'] => [
  { host, command: 'echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore' },
  { host, command: 'echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore' },
  { host, command: 'echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce' },
  { host, command: 'echo 2 > /proc/sys/net/ipv4/conf/lo/arp_announce' },
  { host, command: 'ifconfig lo:1 192.168.99.188 netmask 255.255.255.255' },
];

/** Real server k and client j of the DR lab's rule (the ha lab shares it). */
export const drServer = (k: number) => realServer(k, `192.168.99.${130 + 10 * k}`, 'lan', '192.168.99.1', 80);
export const drClient = (j: number) => labClient(j, '172.16.132.1');
const rs = drServer;
const client = drClient;

/** The seed's second experiment: LVS-DR behind a router (docs/linux-behaviour.md, "The labs"). */
export function drLab(size: LabSize = DEFAULT_LAB_SIZE): LabDefinition {
  const table = [
    client(1),
    {
      name: 'router',
      role: 'router' as const,
      ifaces: [
        { dev: 'eth0', addr: '192.168.99.1', prefix: 24, segment: 'lan' },
        { dev: 'eth1', addr: '172.16.132.1', prefix: 24, segment: 'public' },
      ],
    },
    lanDirector,
    rs(1),
    rs(2),
  ];
  const servers = upTo(size.servers).map(rs);
  return {
    id: 'dr',
    segments: [
      { name: 'public', subnet: '172.16.132.0/24' },
      { name: 'lan', subnet: '192.168.99.0/24' },
    ],
    hosts: sizedHosts(table, size, rs, client),
    vip: VIP_ROUTED,
    vport: 80,
    rport: 80,
    configure: [
      ...directorSteps(
        servers.map((h) => h.ifaces[0]!.addr),
        '-g',
      ),
      ...servers.flatMap((h) => drRsSteps(h.name)),
    ],
  };
}

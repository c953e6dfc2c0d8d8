import type { LabDefinition } from './labTypes';
import { DEFAULT_LAB_SIZE, labClient, realServer, sizedHosts, upTo } from './labSize';
import type { LabSize } from './labSize';

const rs = (k: number) => realServer(k, `192.168.99.${120 + 10 * k}`, 'private', '192.168.99.120', 888);
const client = (j: number) => labClient(j, '172.16.132.18');

/** The seed's first experiment: LVS-NAT, VIP:80 mapped to RIP:888 (docs/linux-behaviour.md, "The labs"). */
export function natLab(size: LabSize = DEFAULT_LAB_SIZE): LabDefinition {
  const table = [
    client(1),
    {
      name: 'director',
      role: 'director' as const,
      ifaces: [
        { dev: 'eth0', addr: '192.168.99.120', prefix: 24, segment: 'private', role: 'DIP' as const },
        { dev: 'eth1', addr: '172.16.132.18', prefix: 24, segment: 'public', role: 'VIP' as const },
      ],
    },
    rs(1),
    rs(2),
  ];
  const servers = upTo(size.servers).map(rs);
  return {
    id: 'nat',
    segments: [
      { name: 'public', subnet: '172.16.132.0/24' },
      { name: 'private', subnet: '192.168.99.0/24' },
    ],
    hosts: sizedHosts(table, size, rs, client),
    vip: '172.16.132.18',
    vport: 80,
    rport: 888,
    configure: [
      { host: 'director', command: 'sysctl -w net.ipv4.ip_forward=1' },
      { host: 'director', command: 'ipvsadm -A -t 172.16.132.18:80 -s rr' },
      ...servers.map((h) => ({
        host: 'director',
        command: `ipvsadm -a -t 172.16.132.18:80 -r ${h.ifaces[0]!.addr}:888 -m`,
      })),
    ],
  };
}

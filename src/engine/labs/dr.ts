import type { LabDefinition } from './labTypes';
import { directorSteps, lanDirector, routedClient, VIP_ROUTED } from './routedLab';

/** What the seed's `lvs_dr_rs.sh start` does on a DR real server. */
export const drRsSteps = (host: string): LabDefinition['configure'] => [
  { host, command: 'echo 1 > /proc/sys/net/ipv4/conf/all/arp_ignore' },
  { host, command: 'echo 1 > /proc/sys/net/ipv4/conf/lo/arp_ignore' },
  { host, command: 'echo 2 > /proc/sys/net/ipv4/conf/all/arp_announce' },
  { host, command: 'echo 2 > /proc/sys/net/ipv4/conf/lo/arp_announce' },
  { host, command: 'ifconfig lo:1 192.168.99.188 netmask 255.255.255.255' },
];

/** The seed's second experiment: LVS-DR behind a router (labs.md "DR lab"). */
export const drLab: LabDefinition = {
  id: 'dr',
  segments: [
    { name: 'public', subnet: '172.16.132.0/24' },
    { name: 'lan', subnet: '192.168.99.0/24' },
  ],
  hosts: [
    routedClient,
    {
      name: 'router',
      role: 'router',
      ifaces: [
        { dev: 'eth0', addr: '192.168.99.1', prefix: 24, segment: 'lan' },
        { dev: 'eth1', addr: '172.16.132.1', prefix: 24, segment: 'public' },
      ],
    },
    lanDirector,
    {
      name: 'rs1',
      role: 'rs',
      defaultVia: '192.168.99.1',
      httpd: 80,
      ifaces: [{ dev: 'eth0', addr: '192.168.99.140', prefix: 24, segment: 'lan', role: 'RIP' }],
    },
    {
      name: 'rs2',
      role: 'rs',
      defaultVia: '192.168.99.1',
      httpd: 80,
      ifaces: [{ dev: 'eth0', addr: '192.168.99.150', prefix: 24, segment: 'lan', role: 'RIP' }],
    },
  ],
  vip: VIP_ROUTED,
  vport: 80,
  rport: 80,
  configure: [
    ...directorSteps(['192.168.99.140', '192.168.99.150'], '-g'),
    ...drRsSteps('rs1'),
    ...drRsSteps('rs2'),
  ],
};

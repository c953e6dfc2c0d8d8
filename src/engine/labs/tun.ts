import type { LabDefinition } from './labTypes';
import { directorSteps, lanDirector, routedClient, VIP_ROUTED } from './routedLab';

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

/** LVS-TUN across a router to two data centres (docs/linux-behaviour.md, "The labs"). */
export const tunLab: LabDefinition = {
  id: 'tun',
  segments: [
    { name: 'public', subnet: '172.16.132.0/24' },
    { name: 'lan', subnet: '192.168.99.0/24' },
    { name: 'dc1', subnet: '10.10.1.0/24' },
    { name: 'dc2', subnet: '10.10.2.0/24' },
  ],
  hosts: [
    routedClient,
    {
      name: 'router',
      role: 'router',
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
    {
      name: 'rs1',
      role: 'rs',
      defaultVia: '10.10.1.1',
      httpd: 80,
      ifaces: [{ dev: 'eth0', addr: '10.10.1.10', prefix: 24, segment: 'dc1', role: 'RIP' }],
    },
    {
      name: 'rs2',
      role: 'rs',
      defaultVia: '10.10.2.1',
      httpd: 80,
      ifaces: [{ dev: 'eth0', addr: '10.10.2.10', prefix: 24, segment: 'dc2', role: 'RIP' }],
    },
  ],
  vip: VIP_ROUTED,
  vport: 80,
  rport: 80,
  configure: [...directorSteps(['10.10.1.10', '10.10.2.10'], '-i'), ...rsSteps('rs1'), ...rsSteps('rs2')],
};

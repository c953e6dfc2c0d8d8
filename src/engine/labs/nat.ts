import type { LabDefinition } from './labTypes';

/** The seed's first experiment: LVS-NAT, VIP:80 mapped to RIP:888 (docs/linux-behaviour.md, "The labs"). */
export const natLab: LabDefinition = {
  id: 'nat',
  segments: [
    { name: 'public', subnet: '172.16.132.0/24' },
    { name: 'private', subnet: '192.168.99.0/24' },
  ],
  hosts: [
    {
      name: 'client',
      role: 'client',
      defaultVia: '172.16.132.18',
      ifaces: [{ dev: 'eth0', addr: '172.16.132.78', prefix: 24, segment: 'public', role: 'CIP' }],
    },
    {
      name: 'director',
      role: 'director',
      ifaces: [
        { dev: 'eth0', addr: '192.168.99.120', prefix: 24, segment: 'private', role: 'DIP' },
        { dev: 'eth1', addr: '172.16.132.18', prefix: 24, segment: 'public', role: 'VIP' },
      ],
    },
    {
      name: 'rs1',
      role: 'rs',
      defaultVia: '192.168.99.120',
      httpd: 888,
      ifaces: [{ dev: 'eth0', addr: '192.168.99.130', prefix: 24, segment: 'private', role: 'RIP' }],
    },
    {
      name: 'rs2',
      role: 'rs',
      defaultVia: '192.168.99.120',
      httpd: 888,
      ifaces: [{ dev: 'eth0', addr: '192.168.99.140', prefix: 24, segment: 'private', role: 'RIP' }],
    },
  ],
  vip: '172.16.132.18',
  vport: 80,
  rport: 888,
  configure: [
    { host: 'director', command: 'sysctl -w net.ipv4.ip_forward=1' },
    { host: 'director', command: 'ipvsadm -A -t 172.16.132.18:80 -s rr' },
    { host: 'director', command: 'ipvsadm -a -t 172.16.132.18:80 -r 192.168.99.130:888 -m' },
    { host: 'director', command: 'ipvsadm -a -t 172.16.132.18:80 -r 192.168.99.140:888 -m' },
  ],
};

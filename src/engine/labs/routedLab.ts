import type { LabHost, LabStep } from './labTypes';

/**
 * What the DR and TUN labs share: the director on the router's `lan` and the
 * director's side of the configured state.
 */
export const VIP_ROUTED = '192.168.99.188';

export const lanDirector: LabHost = {
  name: 'director',
  role: 'director',
  defaultVia: '192.168.99.1',
  ifaces: [{ dev: 'eth0', addr: '192.168.99.120', prefix: 24, segment: 'lan', role: 'DIP' }],
};

/** Router forwarding, the VIP on the director, and a rr service with `-g` or `-i` servers. */
export function directorSteps(rips: readonly string[], method: '-g' | '-i'): LabStep[] {
  return [
    { host: 'router', command: 'sysctl -w net.ipv4.ip_forward=1' },
    { host: 'director', command: `ip addr add ${VIP_ROUTED}/32 dev eth0` },
    { host: 'director', command: `ipvsadm -A -t ${VIP_ROUTED}:80 -s rr` },
    ...rips.map((rip) => ({
      host: 'director',
      command: `ipvsadm -a -t ${VIP_ROUTED}:80 -r ${rip} ${method}`,
    })),
  ];
}

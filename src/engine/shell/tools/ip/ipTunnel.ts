/**
 * IPIP tunnel parameters (local, remote, ttl) of the host's ipip devices. The stack only needs
 * tunl0, which takes any IPIP packet; named tunnels keep their endpoints in host.tunnels.
 */
import type { Host } from '../../../stack/host';
import type { TunnelParams } from '../../../stack/netdev';

export type { TunnelParams };

export function tunnelParams(host: Host, dev: string): TunnelParams {
  return host.tunnels.get(dev) ?? { local: '0.0.0.0', remote: '0.0.0.0', ttl: 0 };
}

export function setTunnelParams(host: Host, dev: string, p: TunnelParams): void {
  host.tunnels.set(dev, p);
}

export function forgetTunnel(host: Host, dev: string): void {
  host.tunnels.delete(dev);
}

/** `ip tunnel show` lines (iptunnel.c print_tunnel). */
export function tunnelShow(host: Host): string[] {
  const out: string[] = [];
  for (const d of [...host.devices.values()].sort((a, b) => a.index - b.index)) {
    if (d.kind !== 'ipip') continue;
    const p = tunnelParams(host, d.name);
    const remote = p.remote === '0.0.0.0' ? 'any' : p.remote;
    const local = p.local === '0.0.0.0' ? 'any' : p.local;
    const ttl = p.ttl ? ` ttl ${p.ttl} ` : ' ttl inherit ';
    out.push(`${d.name}: ip/ip  remote ${remote}  local ${local} ${ttl}${p.ttl ? '' : ' nopmtudisc'}`);
  }
  return out;
}

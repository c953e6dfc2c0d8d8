/**
 * IPIP tunnel parameters (local, remote, ttl) of the host's ipip devices. The stack only needs
 * tunl0, which takes any IPIP packet; named tunnels keep their endpoints here for display.
 */
import type { Host } from '../../../stack/host';

export interface TunnelParams {
  local: string;
  remote: string;
  ttl: number;
}

const params = new WeakMap<Host, Map<string, TunnelParams>>();

function table(host: Host): Map<string, TunnelParams> {
  let t = params.get(host);
  if (!t) {
    t = new Map();
    params.set(host, t);
  }
  return t;
}

export function tunnelParams(host: Host, dev: string): TunnelParams {
  return table(host).get(dev) ?? { local: '0.0.0.0', remote: '0.0.0.0', ttl: 0 };
}

export function setTunnelParams(host: Host, dev: string, p: TunnelParams): void {
  table(host).set(dev, p);
}

export function forgetTunnel(host: Host, dev: string): void {
  table(host).delete(dev);
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

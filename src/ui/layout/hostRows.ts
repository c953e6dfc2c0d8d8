import type { AddrRole, Host, LabDefinition } from '@/engine';

/** One line of a host card: an address on a device (or a device with none). */
export interface HostRow {
  dev: string;
  label: string;
  addr: string;
  prefix: number;
  role: AddrRole | undefined;
  mac: string | undefined;
  /** The segment this device is plugged into (Ethernet devices only). */
  segment: string | undefined;
}

/**
 * The rows of a host card: every Ethernet device with its addresses, plus lo/tunl0 addresses
 * other than 127.0.0.1 (a DR real server's VIP on lo:1, a TUN real server's on tunl0).
 */
export function hostRows(def: LabDefinition, host: Host): HostRow[] {
  const labHost = def.hosts.find((h) => h.name === host.name);
  const roleOf = (dev: string, ip: string): AddrRole | undefined =>
    ip === def.vip ? 'VIP' : labHost?.ifaces.find((i) => i.dev === dev && i.addr === ip)?.role;
  const rows: HostRow[] = [];
  for (const dev of host.devices.values()) {
    const addrs = host.addrs.filter((a) => a.dev === dev.name && a.ip !== '127.0.0.1');
    const ether = dev.kind === 'ether';
    if (!ether && addrs.length === 0) continue;
    const mac = ether ? dev.mac : undefined;
    if (addrs.length === 0)
      rows.push({
        dev: dev.name,
        label: dev.name,
        addr: '',
        prefix: 0,
        role: undefined,
        mac,
        segment: dev.segment,
      });
    for (const a of addrs) {
      rows.push({
        dev: dev.name,
        label: a.label,
        addr: a.ip,
        prefix: a.prefix,
        role: roleOf(dev.name, a.ip),
        mac,
        segment: ether ? dev.segment : undefined,
      });
    }
  }
  // Ethernet devices first (they carry the wires), in device order.
  return rows.sort((a, b) => Number(b.segment !== undefined) - Number(a.segment !== undefined));
}

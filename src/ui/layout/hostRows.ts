import type { AddrRole, HostState, LabDefinition } from '@/engine';

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
 * The rows of a host card at the cursor (its folded state): every Ethernet device with its
 * addresses, plus lo/tunl0 addresses other than 127.0.0.1 (a DR real server's VIP on lo:1, a TUN
 * real server's on tunl0).
 */
export function hostRows(def: LabDefinition, name: string, state: HostState | undefined): HostRow[] {
  const labHost = def.hosts.find((h) => h.name === name);
  const roleOf = (dev: string, ip: string): AddrRole | undefined =>
    ip === def.vip ? 'VIP' : labHost?.ifaces.find((i) => i.dev === dev && i.addr === ip)?.role;
  const rows: HostRow[] = [];
  for (const [dev, link] of state?.links ?? []) {
    const addrs = (state?.addrs ?? [])
      .filter((a) => a.dev === dev)
      .map((a) => {
        const [ip = '', prefix = '32'] = a.addr.split('/');
        return { ip, prefix: Number(prefix), label: a.label };
      })
      .filter((a) => a.ip !== '127.0.0.1');
    const ether = link.devKind === 'ether';
    if (!ether && addrs.length === 0) continue;
    const mac = ether ? link.mac : undefined;
    const segment = ether ? labHost?.ifaces.find((i) => i.dev === dev)?.segment : undefined;
    if (addrs.length === 0)
      rows.push({ dev, label: dev, addr: '', prefix: 0, role: undefined, mac, segment });
    for (const a of addrs)
      rows.push({ dev, label: a.label, addr: a.ip, prefix: a.prefix, role: roleOf(dev, a.ip), mac, segment });
  }
  // Ethernet devices first (they carry the wires), in device order.
  return rows.sort((a, b) => Number(b.segment !== undefined) - Number(a.segment !== undefined));
}

/**
 * The rows of a host card from the lab's definition alone (its configured interfaces, no MAC):
 * what the page draws before the engine has loaded and folded a state to read them from.
 */
export function rowsFromDef(def: LabDefinition, name: string): HostRow[] {
  const labHost = def.hosts.find((h) => h.name === name);
  return (labHost?.ifaces ?? []).map((i) => ({
    dev: i.dev,
    label: i.dev,
    addr: i.addr,
    prefix: i.prefix,
    role: i.addr === def.vip ? 'VIP' : i.role,
    mac: undefined,
    segment: i.segment,
  }));
}

/**
 * Neighbour entries made or removed by hand (`ip neigh add|del`, `arp -s|-d`): neigh_update
 * with override, as RTM_NEWNEIGH / SIOCSARP do. A deleted entry goes FAILED (stopping its
 * timers) and leaves the table.
 */
import type { Host } from '../../../stack/host';
import type { NudState } from '../../../stack/neighbour';

export function addNeigh(
  host: Host,
  dev: string,
  ip: string,
  mac: string,
  state: NudState,
  replace: boolean,
): 'exists' | undefined {
  const old = host.neigh.get(dev, ip);
  if (old && !replace) return 'exists';
  const e = old ?? host.neigh.create(dev, ip);
  host.neigh.update(e, mac, state, true, 'admin');
  return undefined;
}

export function delNeigh(host: Host, dev: string, ip: string): 'missing' | undefined {
  const e = host.neigh.get(dev, ip);
  if (!e) return 'missing';
  host.neigh.update(e, e.mac ?? '00:00:00:00:00:00', 'FAILED', true, 'admin-delete');
  if (host.neigh.get(dev, ip) === e) host.neigh.remove(e, 'admin-delete');
  return undefined;
}

/** ll_addr_a2n for Ethernet: six colon-separated hex bytes, lower-cased. */
export function parseMacLoose(text: string): string | undefined {
  const parts = text.split(':');
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p))) return undefined;
  return parts.map((p) => p.toLowerCase().padStart(2, '0')).join(':');
}

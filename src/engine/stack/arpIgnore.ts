import type { Ipv4 } from '../packet/types';
import { inSubnet } from './addrMath';
import type { Host } from './host';
import { SCOPE_RANK } from './netdev';

/**
 * arp_ignore (docs/linux-behaviour.md A2): should a request for local address `tip` from `sip`,
 * arriving on `dev`, go unanswered? Returns the stable reason when it should.
 */
export function arpIgnore(host: Host, dev: string, sip: Ipv4, tip: Ipv4): string | undefined {
  const level = host.sysctl.conf(dev, 'arp_ignore');
  switch (level) {
    case 1:
      return confirmOnDev(host, dev, undefined, tip, 'host') ? undefined : 'tip-not-on-incoming-dev';
    case 2:
      return confirmOnDev(host, dev, sip, tip, 'host') ? undefined : 'sip-tip-not-in-one-subnet';
    case 3:
      for (const d of host.devices.keys())
        if (confirmOnDev(host, d, undefined, tip, 'link')) return undefined;
      return 'tip-scope-host';
    case 8:
      return 'never-reply';
    default:
      return undefined; // 0, and the reserved 4–7, reply
  }
}

/** confirm_addr_indev: `tip` is on the device within `scope`, and one prefix holds tip (and sip). */
function confirmOnDev(
  host: Host,
  dev: string,
  sip: Ipv4 | undefined,
  tip: Ipv4,
  scope: 'host' | 'link',
): boolean {
  const max = SCOPE_RANK[scope];
  const addrs = host.addrsOf(dev);
  const has = addrs.some((a) => a.ip === tip && SCOPE_RANK[a.scope] <= max);
  if (!has) return false;
  return addrs.some(
    (a) => inSubnet(tip, a.ip, a.prefix) && (sip === undefined || inSubnet(sip, a.ip, a.prefix)),
  );
}

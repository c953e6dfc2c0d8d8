/**
 * Loading the ipip module, as `modprobe ipip` or the kernel's autoload on `ip link add ... type
 * ipip` do: the module registers the fallback device tunl0 (down, mtu 1480, sysctls copied from
 * conf/default, so rp_filter starts at 1 in the labs) and pulls in tunnel4 and ip_tunnel.
 */
import type { Host } from '../../../stack/host';

export const IPIP_DEPS = ['tunnel4', 'ip_tunnel'] as const;

export function loadIpip(host: Host): void {
  if (host.modules.has('ipip') && host.devices.has('tunl0')) return;
  for (const m of IPIP_DEPS) host.modules.add(m);
  host.modules.add('ipip');
  if (!host.devices.has('tunl0')) {
    host.addDevice('tunl0', 'ipip', '00:00:00:00:00:00');
    host.sim.emit({
      kind: 'netdev.register',
      host: host.name,
      dev: 'tunl0',
      devKind: 'ipip',
      by: 'modprobe ipip',
    });
  }
}

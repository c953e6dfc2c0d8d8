import { DOCUMENT_ROOT, startHttpd } from '../apps/httpd';
import type { Sim } from '../core/sim';
import { installKeepalived } from '../keepalived/stockConf';
import { networkOf } from '../stack/addrMath';
import { ROUTER_SPEED_MBPS } from '../stack/linkQueue';
import { Network } from '../stack/network';
import { HOST_DEFAULT_SYSCTL } from './labTypes';
import type { LabDefinition } from './labTypes';

/** Build a lab's bare state on a fresh simulation: hosts, devices, addresses, routes, httpd. */
export function buildTopology(def: LabDefinition, sim: Sim): Network {
  const net = new Network(sim);
  for (const s of def.segments) net.addSegment(s.name);
  for (const h of def.hosts) {
    const host = net.addHost(h.name, { ...HOST_DEFAULT_SYSCTL, ...(h.sysctl ?? {}) });
    host.files.set('/etc/hostname', `${h.name}\n`);
    host.files.set('/etc/sysctl.conf', '');
    for (const i of h.ifaces) {
      net.attach(host, i.dev, i.segment, h.role === 'router' ? ROUTER_SPEED_MBPS : undefined);
      host.addAddress(i.dev, i.addr, i.prefix);
    }
    if (h.defaultVia !== undefined) {
      const dev =
        h.ifaces.find((i) => networkOf(i.addr, i.prefix) === networkOf(h.defaultVia!, i.prefix))?.dev ??
        'eth0';
      host.addRoute({
        table: 'main',
        type: 'unicast',
        dst: '0.0.0.0',
        prefix: 0,
        via: h.defaultVia,
        dev,
        scope: 'global',
        proto: 'boot',
        metric: 0,
      });
    }
    if (h.packages?.includes('keepalived')) installKeepalived(host.files, host.modules);
    if (h.httpd !== undefined) {
      host.files.set(`${DOCUMENT_ROOT}/index.html`, `${h.name}\n`);
      host.modules.add('httpd');
      startHttpd(host, h.httpd);
    }
  }
  return net;
}

import { buildTopology, getLab, ipvsAddDest, ipvsAddService, SEC, Sim, startCurl } from '../src/engine';
import type { BenchResult } from './curlRouter.bench';

/** Full curl requests per second from the client to the VIP through the director, trace on. */
export function benchLab(id: 'nat' | 'dr' | 'tun', requests = 3000): BenchResult {
  const def = getLab(id)!;
  const sim = new Sim(1);
  const net = buildTopology(def, sim);
  const fwd = id === 'nat' ? 'masq' : id === 'dr' ? 'route' : 'tunnel';
  if (id === 'nat') net.host('director').sysctl.set('net.ipv4.ip_forward', 1);
  else {
    net.host('router').sysctl.set('net.ipv4.ip_forward', 1);
    net.host('director').addAddress('eth0', def.vip, 32);
  }
  const director = net.host('director');
  ipvsAddService(director, def.vip, def.vport, 'rr');
  for (const h of def.hosts.filter((x) => x.role === 'rs')) {
    ipvsAddDest(director, def.vip, def.vport, h.ifaces[0]!.addr, def.rport, fwd);
    const rs = net.host(h.name);
    if (id === 'dr') {
      rs.sysctl.set('net.ipv4.conf.all.arp_ignore', 1);
      rs.sysctl.set('net.ipv4.conf.all.arp_announce', 2);
      rs.addAddress('lo:1', def.vip, 32);
    }
    if (id === 'tun') {
      rs.modules.add('ipip');
      rs.addDevice('tunl0', 'ipip', '00:00:00:00:00:00');
      rs.setLink('tunl0', true);
      rs.addAddress('tunl0', def.vip, 32);
      rs.sysctl.set('net.ipv4.conf.tunl0.rp_filter', 0);
      rs.sysctl.set('net.ipv4.conf.all.arp_ignore', 1);
      rs.sysctl.set('net.ipv4.conf.all.arp_announce', 2);
    }
  }
  const client = net.host('client');
  const run = (n: number): void => {
    for (let i = 0; i < n; i++) {
      const h = startCurl(client, {
        ip: def.vip,
        port: def.vport,
        hostHeader: def.vip,
        path: '/',
        method: 'GET',
      });
      sim.runWhile(() => h.done, sim.now + 10 * SEC);
      if (h.result?.exit !== 0) throw new Error(`${id}: request ${i} failed: ${h.result?.error}`);
    }
  };
  run(200);
  const t0 = performance.now();
  run(requests);
  const ms = performance.now() - t0;
  return {
    name: `curl to the VIP through the ${id} director (trace on)`,
    value: (requests / ms) * 1000,
    unit: 'requests/s',
    note: `${sim.trace.events.length} trace events`,
  };
}

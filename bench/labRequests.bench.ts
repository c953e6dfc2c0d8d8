import { buildTopology, getLab, ipvsAddDest, ipvsAddService, SEC, Sim, startCurl } from '../src/engine';
import type { BenchSpec } from './measure';

type LabId = 'nat' | 'dr' | 'tun';

/** The lab's configured state, applied through the engine API. */
function configured(id: LabId): { sim: Sim; request(): boolean } {
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
  const req = { ip: def.vip, port: def.vport, hostHeader: def.vip, path: '/', method: 'GET' } as const;
  return {
    sim,
    request() {
      const h = startCurl(client, req);
      sim.runWhile(() => h.done, sim.now + 10 * SEC);
      return h.result?.exit === 0;
    },
  };
}

/** Full curl requests per second from the client to the VIP through the director, trace on. */
export function labBench(id: LabId): BenchSpec {
  let events = 0;
  return {
    name: `curl to the VIP through the ${id} director (trace on)`,
    unit: 'requests/s',
    goal: 20_000,
    batch: 50,
    setup() {
      const lab = configured(id);
      let done = 0;
      return (n) => {
        for (let k = 0; k < n; k++, done++)
          if (!lab.request()) throw new Error(`${id}: request ${done} failed`);
        events = Math.round(lab.sim.trace.length / done);
      };
    },
    note: () => `${events} trace events per request`,
  };
}

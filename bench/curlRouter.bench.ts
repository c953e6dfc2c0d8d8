import { buildTopology, getLab, SEC, Sim, startCurl } from '../src/engine';
import type { BenchSpec } from './measure';

/** Simulated curl requests per second: client → a RIP through the DR lab's router, trace on. */
export function curlRouterBench(): BenchSpec {
  let events = 0;
  return {
    name: 'curl through the DR router (trace on)',
    unit: 'requests/s',
    goal: 20_000,
    batch: 50,
    setup() {
      const sim = new Sim(1);
      const net = buildTopology(getLab('dr')!, sim);
      net.host('router').sysctl.set('net.ipv4.ip_forward', 1);
      const client = net.host('client');
      let i = 0;
      return (n) => {
        for (let k = 0; k < n; k++, i++) {
          const ip = i % 2 ? '192.168.99.140' : '192.168.99.150';
          const h = startCurl(client, { ip, port: 80, hostHeader: ip, path: '/', method: 'GET' });
          sim.runWhile(() => h.done, sim.now + 10 * SEC);
          if (h.result?.exit !== 0) throw new Error(`request ${i} failed: ${h.result?.error}`);
        }
        events = Math.round(sim.trace.length / i);
      };
    },
    note: () => `${events} trace events per request`,
  };
}

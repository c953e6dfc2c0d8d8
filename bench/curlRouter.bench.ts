import { buildTopology, getLab, SEC, Sim, startCurl } from '../src/engine';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

/** Simulated curl requests per second: client → a RIP through the DR lab's router, trace on. */
export function benchCurlThroughRouter(requests = 3000): BenchResult {
  const def = getLab('dr')!;
  const sim = new Sim(1);
  const net = buildTopology(def, sim);
  net.host('router').sysctl.set('net.ipv4.ip_forward', 1);
  const client = net.host('client');
  const run = (n: number): void => {
    for (let i = 0; i < n; i++) {
      const ip = i % 2 ? '192.168.99.140' : '192.168.99.150';
      const h = startCurl(client, { ip, port: 80, hostHeader: ip, path: '/', method: 'GET' });
      sim.runWhile(() => h.done, sim.now + 10 * SEC);
      if (h.result?.exit !== 0) throw new Error(`request ${i} failed: ${h.result?.error}`);
    }
  };
  run(200); // warm up the JIT
  const t0 = performance.now();
  run(requests);
  const ms = performance.now() - t0;
  return {
    name: 'curl through the DR router (trace on)',
    value: (requests / ms) * 1000,
    unit: 'requests/s',
    note: `${sim.trace.events.length} trace events, ${net.frames.length} frames`,
  };
}

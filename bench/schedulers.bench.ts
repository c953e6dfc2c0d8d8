import { createRng, SCHEDULERS } from '../src/engine';
import type { Dest } from '../src/engine';
import type { BenchResult } from './curlRouter.bench';

/** Scheduling decisions per second with 10 real servers, explanations off (the kernel's hot path). */
export function benchSchedulers(iterations = 2_000_000): BenchResult[] {
  const out: BenchResult[] = [];
  for (const [name, sched] of SCHEDULERS) {
    const dests: Dest[] = [];
    const svc = { dests, flags: { flag1: false, flag2: false, flag3: false }, protocol: 'tcp' as const };
    const state = sched.createState(svc);
    for (let i = 0; i < 10; i++) {
      const addr = `10.0.0.${10 + i}`;
      const d: Dest = {
        key: `${addr}:80`,
        addr,
        port: 80,
        fwd: 'masq',
        weight: 1 + (i % 4),
        lastWeight: 1 + (i % 4),
        uThreshold: 0,
        lThreshold: 0,
        activeconns: i * 3,
        inactconns: i,
        persistconns: 0,
        available: true,
        overloaded: false,
      };
      dests.unshift(d);
      sched.update(state, svc, { kind: 'add', dest: d });
    }
    const ctx = { now: 0, rng: createRng(1), lblcExpiration: 86400, lblcrExpiration: 86400, explain: false };
    const clients = Array.from({ length: 256 }, (_, i) => ({
      saddr: `172.16.${i >> 4}.${i & 15}`,
      sport: 1024 + i,
      daddr: '192.168.0.100',
      dport: 80,
    }));
    const run = (n: number): void => {
      for (let i = 0; i < n; i++) {
        const r = sched.schedule(state, svc, clients[i & 255]!, ctx);
        if (r.dest) r.dest.inactconns = (r.dest.inactconns + 1) & 1023;
      }
    };
    run(200_000);
    const t0 = performance.now();
    run(iterations);
    const ms = performance.now() - t0;
    out.push({
      name: `scheduler ${name} (10 real servers)`,
      value: (iterations / ms) * 1000,
      unit: 'decisions/s',
    });
  }
  return out;
}

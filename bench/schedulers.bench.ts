import { createRng, SCHEDULERS } from '../src/engine';
import type { Dest } from '../src/engine';
import type { BenchSpec } from './measure';

/** 256 clients, so the hashing schedulers spread over their tables. */
export const CLIENTS = Array.from({ length: 256 }, (_, i) => ({
  saddr: `172.16.${i >> 4}.${i & 15}`,
  sport: 1024 + i,
  daddr: '192.168.0.100',
  dport: 80,
}));

/** Real server i of 10: weights 1–4 and uneven loads, so every comparison has work to do. */
export const destWeight = (i: number): number => 1 + (i % 4);
export const destLoad = (i: number): { active: number; inactive: number } => ({ active: i * 3, inactive: i });

/** Scheduling decisions per second with 10 real servers, explanations off (the kernel's hot path). */
export function schedulerBench(name: string): BenchSpec {
  const sched = SCHEDULERS.get(name)!;
  return {
    name: `scheduler ${name}, explanations off (10 real servers)`,
    unit: 'decisions/s',
    goal: 5_000_000,
    batch: 10_000,
    setup() {
      const dests: Dest[] = [];
      const svc = { dests, flags: { flag1: false, flag2: false, flag3: false }, protocol: 'tcp' as const };
      const state = sched.createState(svc);
      for (let i = 0; i < 10; i++) {
        const addr = `10.0.0.${10 + i}`;
        const { active, inactive } = destLoad(i);
        const d: Dest = {
          key: `${addr}:80`,
          addr,
          port: 80,
          fwd: 'masq',
          weight: destWeight(i),
          lastWeight: destWeight(i),
          uThreshold: 0,
          lThreshold: 0,
          activeconns: active,
          inactconns: inactive,
          persistconns: 0,
          available: true,
          overloaded: false,
        };
        dests.unshift(d);
        sched.update(state, svc, { kind: 'add', dest: d });
      }
      const ctx = {
        now: 0,
        rng: createRng(1),
        lblcExpiration: 86400,
        lblcrExpiration: 86400,
        explain: false,
      };
      let i = 0;
      return (n) => {
        for (let k = 0; k < n; k++, i++) {
          const r = sched.schedule(state, svc, CLIENTS[i & 255]!, ctx);
          if (r.dest) r.dest.inactconns = (r.dest.inactconns + 1) & 1023;
        }
      };
    },
  };
}

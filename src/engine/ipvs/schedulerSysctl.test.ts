/**
 * The director's scheduler context keeps the lblc/lblcr expirations it read while the host's
 * sysctls are unchanged (schedule.ts): a write to either must reach the very next decision.
 */
import { describe, expect, it } from 'vitest';
import { buildTopology, getLab, ipvsAddDest, ipvsAddService, ipvsOf, Sim } from '../index';
import { pick } from './schedule';

const MIN = 60_000_000;

function director(scheduler: string) {
  const def = getLab('nat')!;
  const sim = new Sim(1);
  const host = buildTopology(def, sim).host('director');
  ipvsAddService(host, def.vip, 80, scheduler);
  for (const a of ['192.168.99.10', '192.168.99.11']) ipvsAddDest(host, def.vip, 80, a, 80, 'masq', 1);
  const ipvs = ipvsOf(host);
  const svc = ipvs.services[0]!;
  const tuple = (daddr: string) => ({
    proto: 'TCP' as const,
    saddr: '10.0.0.9',
    sport: 40000,
    daddr,
    dport: 80,
  });
  return { sim, host, ipvs, svc, tuple };
}

describe('scheduler context and sysctl writes', () => {
  it('lblc: an entry idle longer than a newly written lblc_expiration is collected at the full check', () => {
    for (const expiration of [86_400, 60]) {
      const { sim, host, ipvs, svc, tuple } = director('lblc');
      const first = pick(ipvs, svc, tuple('203.0.113.1'), 'pkt#1')!;
      first.activeconns = 1; // the other dest is now the least loaded: a fresh pick goes there
      sim.runUntil(MIN);
      pick(ipvs, svc, tuple('203.0.113.1'), 'pkt#2'); // read (and kept) at the default, 24 h
      expect(host.sysctl.set('net.ipv4.vs.lblc_expiration', expiration)).toBeUndefined();
      sim.runUntil(60 * MIN); // past the 30th GC tick: the full check
      const again = pick(ipvs, svc, tuple('203.0.113.1'), 'pkt#3')!;
      if (expiration === 60) expect(again).not.toBe(first);
      else expect(again).toBe(first);
    }
  });
});

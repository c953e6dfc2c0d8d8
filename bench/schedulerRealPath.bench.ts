import { buildTopology, getLab, ipvsAddDest, ipvsAddService, ipvsOf, Sim } from '../src/engine';
import { pick } from '../src/engine/ipvs/schedule';
import type { BenchSpec } from './measure';
import { CLIENTS, destLoad, destWeight } from './schedulers.bench';

/**
 * The trace keeps the latest 4,096 events: decisions are measured with their events built and
 * appended, while the cost of keeping every event of a long run (old-generation GC) is the
 * compact trace's concern, measured by the request benchmarks.
 */
const TRACE_WINDOW = 1 << 12;

/**
 * Scheduling decisions per second on the engine's real path: the call the IPVS hook makes for a
 * new connection (scheduler + the `ipvs.schedule` trace event with its explanation record), on
 * a director with 10 real servers, trace on.
 */
export function schedulerRealPathBench(name: string): BenchSpec {
  return {
    name: `scheduler ${name}, real path, trace on (10 real servers, last 4,096 events kept)`,
    unit: 'decisions/s',
    goal: 5_000_000,
    batch: 10_000,
    setup() {
      const def = getLab('nat')!;
      const sim = new Sim(1);
      const director = buildTopology(def, sim).host('director');
      ipvsAddService(director, def.vip, 80, name);
      for (let i = 0; i < 10; i++)
        ipvsAddDest(director, def.vip, 80, `192.168.99.${10 + i}`, 888, 'masq', destWeight(i));
      const ipvs = ipvsOf(director);
      const svc = ipvs.services[0]!;
      // The list is head-first: dest i of the loop is at index 9 - i.
      svc.dests.forEach((d, j) => {
        const { active, inactive } = destLoad(9 - j);
        d.activeconns = active;
        d.inactconns = inactive;
      });
      const tuples = CLIENTS.map((c) => ({ proto: 'TCP' as const, ...c, daddr: def.vip }));
      let i = 0;
      return (n) => {
        for (let k = 0; k < n; k++, i++) {
          const d = pick(ipvs, svc, tuples[i & 255]!, 'pkt#1');
          if (d) d.inactconns = (d.inactconns + 1) & 1023;
          if (sim.trace.length >= TRACE_WINDOW) sim.trace.truncate(0);
        }
      };
    },
  };
}

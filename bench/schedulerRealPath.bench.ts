import { buildTopology, getLab, ipvsAddDest, ipvsAddService, ipvsOf, Sim } from '../src/engine';
import { pick } from '../src/engine/ipvs/schedule';
import { RUNNER_KEEP_EVENTS } from '../src/cli/lvs-lab';
import type { BenchSpec } from './measure';
import { CLIENTS, destLoad, destWeight } from './schedulers.bench';

/** The eager line's window: the latest 4,096 events are kept, then cut. */
const TRACE_WINDOW = 1 << 12;

/**
 * Scheduling decisions per second on the engine's real path: the call the IPVS hook makes for a
 * new connection (scheduler + the `ipvs.schedule` trace event with its explanation record), on
 * a director with 10 real servers, trace on.
 *
 * `runner` (the figure the goal is for): the trace kept as the lab runner keeps it (lvs-lab.ts,
 * `boundTrace(RUNNER_KEEP_EVENTS)`): bounded, its newest chunk raw, older chunks let go and
 * summarised (every decision tallied), so each decision's record lives a few chunks and pays
 * for it in the garbage collector. `eager`: the trace unbounded and encoded as pushed, cut every
 * 4,096 events (records die young): the decision and its encoding without the keeping.
 */
export function schedulerRealPathBench(name: string, trace: 'runner' | 'eager' = 'runner'): BenchSpec {
  const runner = trace === 'runner';
  return {
    name: runner
      ? `scheduler ${name}, real path, trace as the runner keeps it (bounded, summarised; 10 real servers)`
      : `scheduler ${name}, real path, eager trace cut every 4,096 events (10 real servers)`,
    unit: 'decisions/s',
    goal: 5_000_000,
    batch: 10_000,
    setup() {
      const def = getLab('nat')!;
      const sim = new Sim(1);
      if (runner) sim.trace.bound(RUNNER_KEEP_EVENTS, Infinity);
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
          if (!runner && sim.trace.length >= TRACE_WINDOW) sim.trace.truncate(0);
        }
      };
    },
  };
}

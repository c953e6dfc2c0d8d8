import { LabRuntime } from '../src/engine';
import type { BenchSpec } from './measure';

type LabId = 'nat' | 'dr' | 'tun' | 'ha';

/** The goal, 1.5 ms per warm start, as a rate so the ratio reads like every other benchmark's. */
const GOAL_MS = 1.5;

/**
 * Lab start in-process, warm: a configured lab (topology, shells, the lab's setup commands run
 * through them) as `LabRuntime.create` builds it for the lab runner and the app.
 */
export function labStartBench(id: LabId): BenchSpec {
  let events = 0;
  return {
    name: `lab start in-process, ${id} (warm)`,
    unit: 'starts/s',
    goal: 1000 / GOAL_MS,
    batch: 20,
    setup() {
      return (n) => {
        for (let k = 0; k < n; k++) events = LabRuntime.create(id).trace.length;
      };
    },
    note: () => `goal ≤ ${GOAL_MS} ms per start; ${events} trace events at start`,
  };
}

/**
 * `npm run bench [-- --smoke] [suite]`: the engine's benchmarks, each with its warm-up, number of
 * runs, median and ratio to the goal. Benchmarks, not pass/fail tests: run them on a quiet
 * machine and compare medians of several runs. `--smoke` runs each for a fraction of a second
 * (`npm test` does, so no benchmark rots); it fails only if a benchmark throws.
 */
import { SCHEDULERS } from '../src/engine';
import { abLoads, runAbLoad } from './abLoad.bench';
import { curlRouterBench } from './curlRouter.bench';
import { labBench } from './labRequests.bench';
import { labRunnerBench } from './labRunner.bench';
import { labStartBench } from './labStart.bench';
import { peakRssBench, retainedBench, runMemory } from './memory.bench';
import type { MemorySpec } from './memory.bench';
import { noteProbe, probeMachine } from './machineProbe';
import { formatResult, FULL, measure, SMOKE } from './measure';
import type { BenchSpec } from './measure';
import { schedulerRealPathBench } from './schedulerRealPath.bench';
import { schedulerBench } from './schedulers.bench';
import { traceStoreBench, traceStoreLazyBench } from './traceStore.bench';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const only = args.find((a) => !a.startsWith('--'));
const names = [...SCHEDULERS.keys()];

// The explain-off scheduler suite runs last: its hand-made services and contexts have other
// object shapes than the engine's, and would slow the engine's own code paths measured after it.
const suites: [string, () => BenchSpec[]][] = [
  [
    'real-path',
    () => names.flatMap((n) => [schedulerRealPathBench(n, 'runner'), schedulerRealPathBench(n, 'eager')]),
  ],
  ['labs', () => (['nat', 'dr', 'tun'] as const).map(labBench)],
  ['runner', () => (['nat', 'dr', 'tun'] as const).map(labRunnerBench)],
  [
    'trace-store',
    () =>
      (['nat', 'dr', 'tun'] as const).flatMap((lab) => [
        traceStoreBench(lab, smoke),
        traceStoreLazyBench(lab, smoke),
      ]),
  ],
  ['router', () => [curlRouterBench()]],
  ['lab-start', () => (['nat', 'dr', 'tun', 'ha'] as const).map(labStartBench)],
  ['schedulers', () => names.map(schedulerBench)],
];

const known = ['memory', ...suites.map(([name]) => name), 'ab'];
if (only && !known.includes(only)) {
  console.error(`bench: unknown suite "${only}" (one of: ${known.join(', ')})`);
  process.exit(2);
}
const t0 = performance.now();
// Memory: fresh child processes, so these run first and do not see the speed suites' garbage.
const memory = (): MemorySpec[] => [
  ...(['nat', 'dr', 'tun'] as const).map((lab) =>
    retainedBench(lab, smoke ? 100 : 2000, smoke ? 1 : 3, smoke ? 20 : 500),
  ),
  peakRssBench('nat', smoke ? 300 : 50_000, smoke ? 1 : 3),
];
if (!only || only === 'memory') for (const spec of memory()) console.log(runMemory(spec));
const speedSuites = suites.filter(([name]) => !only || only === name);
if (speedSuites.length > 0) {
  // The host's own speed, before anything is measured: each line then gives its probe beside it.
  const p = probeMachine(smoke ? 100 : 400);
  noteProbe(p.ratio);
  console.log(
    `machine probe at start: cache-bound/register loops ${p.ratio.toFixed(2)} ` +
      `(a quiet host gave 0.90–0.97 on ours; 0.60–0.70 in a slow spell: bench/machineProbe.ts)`,
  );
}
for (const [, specs] of speedSuites) {
  for (const spec of specs()) console.log(formatResult(measure(spec, smoke ? SMOKE : FULL)));
}
// ab: one whole `ab` run per lab (issue 12's report), not a timed-runs median.
if (!only || only === 'ab') for (const load of abLoads(smoke)) console.log(runAbLoad(load));
if (smoke) console.log(`bench smoke: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

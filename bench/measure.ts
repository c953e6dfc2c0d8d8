/**
 * How every engine benchmark measures: a warm-up, then several timed runs of a fixed length,
 * each counting operations per second; the median is the figure, compared with the goal.
 * `--smoke` shortens everything so `npm test` can run each benchmark in well under a second.
 */

import { noteProbe, probeMachine, SPELL_SHARE } from './machineProbe';

export interface Timing {
  warmupMs: number;
  runs: number;
  runMs: number;
  /** CPU ms of the machine probe (machineProbe.ts) before each timed run. */
  probeMs: number;
}

export const FULL: Timing = { warmupMs: 1000, runs: 5, runMs: 1000, probeMs: 40 };
export const SMOKE: Timing = { warmupMs: 50, runs: 3, runMs: 80, probeMs: 10 };

export interface BenchResult {
  name: string;
  unit: string;
  goal: number;
  timing: Timing;
  /** Operations per second of each timed run, in run order. */
  values: number[];
  median: number;
  /**
   * Operations per second of this process's CPU time (process.cpuUsage: every thread, GC helpers
   * included), per run. On a shared machine a run whose wall-clock figure is low because other
   * processes had the core keeps its CPU-time figure; one whose code ran slower does not.
   */
  cpuValues: number[];
  cpuMedian: number;
  /** The process's CPU seconds per wall second over the timed runs (1 = a whole core). */
  coreShare: number;
  /** The machine probe's cache/register ratio before each run, median (machineProbe.ts). */
  probe: number;
  /** The best probe ratio the process had seen when this benchmark ended. */
  probeBest: number;
  note?: string;
}

/**
 * A benchmark: `setup` builds fresh state for one run (not timed) and returns `step(n)`, which
 * performs n operations. Steps of at most `batch` operations repeat until the run's time is up.
 */
export interface BenchSpec {
  name: string;
  unit: string;
  goal: number;
  batch: number;
  setup(): (n: number) => void;
  note?(): string;
}

interface Run {
  /** Ops per wall-clock second. */
  wall: number;
  /** Ops per second of the process's CPU time. */
  cpu: number;
  wallMs: number;
  cpuMs: number;
}

/**
 * Ops per second over one run of `ms`. Steps start at one operation and double while a step takes
 * under a fiftieth of the run, so slow benchmarks do not overshoot and fast ones check the clock
 * rarely.
 */
function timedRun(step: (n: number) => void, maxBatch: number, ms: number): Run {
  let ops = 0;
  let batch = 1;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let elapsed: number;
  do {
    const s0 = performance.now();
    step(batch);
    ops += batch;
    const now = performance.now();
    elapsed = now - t0;
    if (batch < maxBatch && now - s0 < ms / 50) batch = Math.min(maxBatch, batch * 2);
  } while (elapsed < ms);
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  return { wall: (ops / elapsed) * 1000, cpu: (ops / cpuMs) * 1000, wallMs: elapsed, cpuMs };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function measure(spec: BenchSpec, timing: Timing): BenchResult {
  timedRun(spec.setup(), spec.batch, timing.warmupMs);
  const runs: Run[] = [];
  const probes: number[] = [];
  for (let r = 0; r < timing.runs; r++) {
    const step = spec.setup();
    probes.push(probeMachine(timing.probeMs).ratio);
    runs.push(timedRun(step, spec.batch, timing.runMs));
  }
  const values = runs.map((r) => r.wall);
  const cpuValues = runs.map((r) => r.cpu);
  const res: BenchResult = {
    name: spec.name,
    unit: spec.unit,
    goal: spec.goal,
    timing,
    values,
    median: median(values),
    cpuValues,
    cpuMedian: median(cpuValues),
    coreShare: runs.reduce((a, r) => a + r.cpuMs, 0) / runs.reduce((a, r) => a + r.wallMs, 0),
    probe: median(probes),
    probeBest: noteProbe(median(probes)),
  };
  const note = spec.note?.();
  if (note) res.note = note;
  return res;
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

/**
 * One line per benchmark: median, ratio to the goal, warm-up and runs, and the spread; then the
 * median per CPU second and the core share, which tell a busy machine from slower code, and the
 * machine probe, which tells a host in a slow spell (machineProbe.ts).
 */
export function formatResult(r: BenchResult): string {
  const ratio = r.median / r.goal;
  const mark = ratio >= 1 ? 'meets goal' : 'below goal';
  const spread = `${fmt(Math.min(...r.values))}–${fmt(Math.max(...r.values))}`;
  return (
    `${r.name}: median ${fmt(r.median)} ${r.unit}, ${ratio.toFixed(2)}× goal ${fmt(r.goal)} (${mark}); ` +
    `warm-up ${r.timing.warmupMs} ms, ${r.timing.runs} runs of ${r.timing.runMs} ms [${spread}]; ` +
    `per CPU second ${fmt(r.cpuMedian)}, core share ${r.coreShare.toFixed(2)}, ` +
    `machine probe ${r.probe.toFixed(2)} (best ${r.probeBest.toFixed(2)})` +
    (r.timing.probeMs >= FULL.probeMs && r.probe < SPELL_SHARE * r.probeBest
      ? ' — measured in a slow spell of the host'
      : '') +
    (r.note ? `  (${r.note})` : '')
  );
}

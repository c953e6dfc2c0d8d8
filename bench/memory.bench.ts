/**
 * Memory benchmarks, each in fresh child processes (a GC'd heap of its own): bytes the engine keeps
 * per request (the trace and all it refers to), and the lab runner's peak RSS for a long transcript.
 * Lower is better, so the ratio printed is goal ÷ median (≥ 1 meets the goal).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './measure';

const CHILD = fileURLToPath(new URL('./memory.child.ts', import.meta.url));

export interface MemorySpec {
  name: string;
  unit: string;
  goal: number;
  runs: number;
  /** What runs before the measured part, as printed. */
  warmUp: string;
  /** Runs the child once and returns the figure (in `unit`) and an optional note. */
  run(): { value: number; note?: string };
}

function child(args: string[]): Record<string, number> {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, number>;
}

export function retainedBench(lab: string, requests: number, runs: number, warm: number): MemorySpec {
  return {
    name: `retained bytes per request, ${lab} lab (${requests.toLocaleString('en-US')} requests, heap and buffers after GC)`,
    unit: 'bytes',
    goal: 4096,
    runs,
    warmUp: `warm-up ${warm.toLocaleString('en-US')} requests not counted (fresh process each)`,
    run() {
      const r = child(['retained', lab, String(requests), String(warm)]);
      const kb = (x: number): string => Math.round(x).toLocaleString('en-US');
      return {
        value: r.bytes!,
        note: `${Math.round(r.events!)} trace events per request; heap ${kb(r.heap!)} + buffers ${kb(r.buffers!)} bytes`,
      };
    },
  };
}

export function peakRssBench(lab: string, requests: number, runs: number): MemorySpec {
  return {
    name: `peak RSS for ${requests.toLocaleString('en-US')} requests in one transcript, ${lab} lab (lab runner)`,
    unit: 'MB',
    goal: 300,
    runs,
    warmUp: 'no warm-up (fresh process each)',
    run: () => ({ value: child(['rss', lab, String(requests)]).rssMB! }),
  };
}

const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');

/** Same line shape as the speed benchmarks: median, ratio to the goal, runs and spread. */
export function runMemory(spec: MemorySpec): string {
  const values: number[] = [];
  let note: string | undefined;
  for (let i = 0; i < spec.runs; i++) {
    const r = spec.run();
    values.push(r.value);
    note = r.note ?? note;
  }
  const m = median(values);
  const ratio = spec.goal / m;
  return (
    `${spec.name}: median ${fmt(m)} ${spec.unit}, ${ratio.toFixed(2)}× goal ≤ ${fmt(spec.goal)} ` +
    `(${ratio >= 1 ? 'meets goal' : 'above goal'}); ${spec.warmUp}, ${spec.runs} runs ` +
    `[${fmt(Math.min(...values))}–${fmt(Math.max(...values))}]` +
    (note ? `  (${note})` : '')
  );
}

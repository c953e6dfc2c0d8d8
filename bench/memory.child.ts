/**
 * The memory benchmarks' child process (run with `node --expose-gc --import tsx`), so each figure
 * comes from a fresh heap: `retained LAB N [WARM]` prints the memory kept per request (of N, after WARM uncounted ones) after a forced GC
 * (JS heap plus typed-array buffers, which hold the trace's columns outside the heap);
 * `rss LAB N` runs N requests as one lab-runner transcript and prints the process's peak RSS.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { main } from '../src/cli/lvs-lab';
import { getLab, LabRuntime } from '../src/engine';

const [mode, lab = 'nat', nText = '1000', warmText = '1'] = process.argv.slice(2);
const n = Number(nText);
const vip = getLab(lab)!.vip;
/** One shell loop per line, so no single command runs for long (the runner's per-command max time). */
const LOOP = 1000;
const loop = (k: number): string => `for i in $(seq 1 ${k}); do curl -s ${vip} >/dev/null; done`;

/** The JS heap and the typed arrays' buffers (outside the heap: the trace's columns) after a GC. */
function heapAfterGc(): { heap: number; buffers: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  gc();
  return { heap: getHeapStatistics().used_heap_size, buffers: process.memoryUsage().arrayBuffers };
}

if (mode === 'retained') {
  const rt = LabRuntime.create(lab);
  // Warm-up requests, not counted: what the first few hundred leave behind once (compiled code,
  // tables grown to their working size) is not kept per request.
  const warm = Number(warmText);
  const w = rt.exec({ host: 'client', command: warm > 1 ? loop(warm) : `curl -s ${vip}`, maxTimeUs: 1e12 });
  if (w.exit !== 0) throw new Error(`${lab}: the warm-up exited ${w.exit}`);
  const h0 = heapAfterGc();
  const e0 = rt.trace.length;
  for (let done = 0; done < n; done += LOOP) {
    const r = rt.exec({ host: 'client', command: loop(Math.min(LOOP, n - done)), maxTimeUs: 1e12 });
    if (r.exit !== 0) throw new Error(`${lab}: the loop exited ${r.exit}`);
  }
  const h1 = heapAfterGc();
  const heap = (h1.heap - h0.heap) / n;
  const buffers = (h1.buffers - h0.buffers) / n;
  console.log(JSON.stringify({ bytes: heap + buffers, heap, buffers, events: (rt.trace.length - e0) / n }));
} else if (mode === 'rss') {
  const dir = mkdtempSync(join(tmpdir(), 'lvs-bench-'));
  const file = join(dir, 'transcript.txt');
  const lines: string[] = [];
  for (let done = 0; done < n; done += LOOP) lines.push(`client# ${loop(Math.min(LOOP, n - done))}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  try {
    const code = main(['--lab', lab, '--max-time', '100000', file], () => {});
    if (code !== 0) throw new Error(`lvs-lab exited ${code}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ rssMB: process.resourceUsage().maxRSS / 1024 }));
} else throw new Error(`memory.child: unknown mode ${mode}`);

import type { TraceLog } from '@/engine';

/**
 * How long a host has been carrying traffic: from its first frame after `from` (the lab's setup)
 * to its last frame before the cursor, as prefix arrays so any cursor is a constant-time lookup.
 * For the side-by-side view, this is how long each director took to pass the same requests.
 */
export function busySpan(trace: TraceLog, host: string, from: number): (cursor: number) => number {
  const n = trace.length;
  const last = new Float64Array(n + 1).fill(-1);
  let first = -1;
  for (let i = 0; i < n; i++) {
    const e = trace.at(i);
    last[i + 1] = last[i]!;
    if (i < from || !e || e.host !== host || (e.kind !== 'frame.tx' && e.kind !== 'frame.rx')) continue;
    if (first < 0) first = e.t;
    last[i + 1] = e.t;
  }
  return (cursor) => {
    const l = last[Math.max(0, Math.min(n, cursor))]!;
    return first < 0 || l < 0 ? 0 : l - first;
  };
}

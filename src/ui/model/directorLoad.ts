import { engine } from '@/store/engine';
import type { TraceLog } from '@/engine';
import type { HopIndex } from './frameHops';

export interface Load {
  rxPackets: number;
  rxBytes: number;
  txPackets: number;
  txBytes: number;
}

export interface LoadSeries {
  /** Cumulative load of the host after the first i events (index 0 = nothing yet). */
  at(cursor: number): Load;
}

/**
 * Frames and bytes a host received and sent, as prefix sums over the trace, so any cursor is a
 * constant-time lookup (the side-by-side view reads it every animation frame).
 */
export function loadSeries(trace: TraceLog, hops: HopIndex, host: string): LoadSeries {
  const n = trace.length;
  const cols = [
    new Float64Array(n + 1),
    new Float64Array(n + 1),
    new Float64Array(n + 1),
    new Float64Array(n + 1),
  ] as const;
  for (let i = 0; i < n; i++) {
    const e = trace.at(i);
    for (const c of cols) c[i + 1] = c[i]!;
    if (!e || e.host !== host || (e.kind !== 'frame.tx' && e.kind !== 'frame.rx')) continue;
    if (e.kind === 'frame.rx' && e.accepted === false) continue;
    const hop = hops.byFrame.get(String(e.frame));
    if (!hop) continue;
    const bytes = engine().frameLength(hop.eth);
    const [pk, by] = e.kind === 'frame.rx' ? [cols[0], cols[1]] : [cols[2], cols[3]];
    pk[i + 1] = pk[i]! + 1;
    by[i + 1] = by[i]! + bytes;
  }
  return {
    at(cursor) {
      const c = Math.max(0, Math.min(n, cursor));
      return { rxPackets: cols[0][c]!, rxBytes: cols[1][c]!, txPackets: cols[2][c]!, txBytes: cols[3][c]! };
    },
  };
}

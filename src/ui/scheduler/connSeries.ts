import type { TraceLog } from '@/engine';
import { ipvsStateAt } from '../model/ipvsState';

/** One real server's ActiveConn and InActConn at each sample time. */
export interface ConnLine {
  dest: string;
  active: number[];
  inactive: number[];
}

export interface ConnSeries {
  /** Virtual µs of each sample. */
  times: number[];
  lines: ConnLine[];
  /** The largest count on any line (at least 1), for the chart's scale. */
  max: number;
}

/** The first index whose event happens after `t` (trace times never decrease). */
function indexAfter(trace: TraceLog, t: number, hi: number): number {
  let lo = trace.first ?? 0;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace.at(mid)!.t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * ActiveConn/InActConn of the first virtual service's real servers over time, sampled evenly
 * from its first scheduling decision to the cursor: a pure function of (trace, cursor).
 */
export function connSeries(trace: TraceLog, cursor: number, samples = 60): ConnSeries {
  const end = Math.min(cursor, trace.length);
  let first = -1;
  for (let i = trace.first ?? 0; i < end; i++) {
    if (trace.at(i)?.kind === 'ipvs.schedule') {
      first = i;
      break;
    }
  }
  if (first < 0 || end === 0) return { times: [], lines: [], max: 1 };
  const t0 = trace.at(first)!.t;
  const t1 = (end > 0 ? trace.at(end - 1) : undefined)!.t;
  const times: number[] = [];
  const byDest = new Map<string, ConnLine>();
  const n = t1 > t0 ? samples : 1;
  for (let k = 0; k < n; k++) {
    const t = n === 1 ? t1 : Math.round(t0 + ((t1 - t0) * (k + 1)) / n);
    const at = k === n - 1 ? end : indexAfter(trace, t, end);
    const svc = ipvsStateAt(trace, at)[0];
    times.push(t);
    for (const d of svc?.dests ?? []) {
      let line = byDest.get(d.key);
      if (!line) {
        line = { dest: d.key, active: new Array<number>(k).fill(0), inactive: new Array<number>(k).fill(0) };
        byDest.set(d.key, line);
      }
      line.active.push(d.active);
      line.inactive.push(d.inactive);
    }
    for (const line of byDest.values()) {
      if (line.active.length <= k) {
        line.active.push(0);
        line.inactive.push(0);
      }
    }
  }
  const lines = [...byDest.values()].sort((a, b) => a.dest.localeCompare(b.dest, 'en', { numeric: true }));
  const max = Math.max(1, ...lines.flatMap((l) => [...l.active, ...l.inactive]));
  return { times, lines, max };
}

/** Which client address went to which real server, counted from the decisions up to the cursor. */
export interface ClientRow {
  client: string;
  byDest: Map<string, number>;
  total: number;
}

export function clientMap(trace: TraceLog, cursor: number): ClientRow[] {
  const rows = new Map<string, ClientRow>();
  const end = Math.min(cursor, trace.length);
  for (let i = trace.first ?? 0; i < end; i++) {
    const e = trace.at(i)!;
    let client: string;
    let dest: string | null;
    if (e.kind === 'ipvs.schedule') ({ client, dest } = e);
    else if (e.kind === 'ipvs.persist') ({ client, dest } = e);
    else continue;
    if (!dest) continue;
    const ip = client.replace(/:\d+$/, '');
    let row = rows.get(ip);
    if (!row) rows.set(ip, (row = { client: ip, byDest: new Map(), total: 0 }));
    row.byDest.set(dest, (row.byDest.get(dest) ?? 0) + 1);
    row.total++;
  }
  return [...rows.values()].sort((a, b) => a.client.localeCompare(b.client, 'en', { numeric: true }));
}

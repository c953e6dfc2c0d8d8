import type { TraceLog } from '@/engine';
import { inherited } from '../model/sharedPrefix';

/** What a terminal event is: a command's line, a piece of its output, its end. */
export const START = 0;
export const OUT = 1;
export const END = 2;

/** Where one host's terminal events sit in a trace, in order (positions and their kinds). */
export interface HostTerminalEvents {
  readonly positions: number[];
  readonly kinds: number[];
}

interface Index {
  /** Events of the trace looked at so far. */
  scanned: number;
  byHost: Map<string, HostTerminalEvents>;
}

/**
 * Per trace, the positions of each host's `cmd.start`/`cmd.out`/`cmd.end` events, extended as the
 * trace grows: drawing a terminal reads only its own events, not every frame of a long session
 * (a new command line used to walk the whole trace, a long task in an hour-long class). A fork's
 * trace takes the positions its shared prefix already had. A memo of derived data, not state.
 */
const indexes = new WeakMap<TraceLog, Index>();

/** Kind codes for the three terminal events, other kinds absent. */
const KIND = new Map<string, number>([
  ['cmd.start', START],
  ['cmd.out', OUT],
  ['cmd.end', END],
]);

function forkedFrom(trace: TraceLog): Index | undefined {
  const from = inherited(indexes, trace);
  if (!from) return undefined;
  const kept = Math.min(from.kept, from.value.scanned);
  const byHost = new Map<string, HostTerminalEvents>();
  for (const [host, ev] of from.value.byHost) {
    const n = firstAtOrAfter(ev.positions, kept);
    byHost.set(host, { positions: ev.positions.slice(0, n), kinds: ev.kinds.slice(0, n) });
  }
  return { scanned: kept, byHost };
}

/** One host's terminal events among the trace's first `to` events (the index grows to `to`). */
export function terminalEvents(trace: TraceLog, host: string, to = trace.length): HostTerminalEvents {
  let index = indexes.get(trace);
  // A trace only grows (as the trace model assumes too); one that shrank is indexed again.
  if (!index || index.scanned > trace.length)
    indexes.set(trace, (index = forkedFrom(trace) ?? { scanned: 0, byHost: new Map() }));
  const end = Math.min(to, trace.length);
  // A compact trace tells an event's kind without building the event: most are frames.
  const kindAt = (trace as { kindAt?: (i: number) => string | undefined }).kindAt?.bind(trace);
  for (let i = Math.max(index.scanned, trace.first ?? 0); i < end; i++) {
    if (kindAt && !KIND.has(kindAt(i) ?? '')) continue;
    const e = trace.at(i);
    const kind = e && KIND.get(e.kind);
    if (kind === undefined || !e) continue;
    let ev = index.byHost.get(e.host);
    if (!ev) index.byHost.set(e.host, (ev = { positions: [], kinds: [] }));
    ev.positions.push(i);
    ev.kinds.push(kind);
  }
  index.scanned = Math.max(index.scanned, end);
  return index.byHost.get(host) ?? { positions: [], kinds: [] };
}

/** The first index into `positions` whose position is ≥ `at` (binary search). */
export function firstAtOrAfter(positions: readonly number[], at: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

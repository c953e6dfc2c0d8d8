import { engine } from '@/store/engine';
import type { Finding, FindingsState, TraceLog } from '@/engine';

interface Scanned {
  state: FindingsState;
  /** Every finding in the trace scanned so far, in trace order. */
  all: Finding[];
}

/** One incremental scan per trace: the trace only grows, so each call scans just the new events. */
const scans = new WeakMap<TraceLog, Scanned>();

/** Every finding in the whole trace (in trace order), scanning only what is new since the last call. */
export function allFindings(trace: TraceLog): readonly Finding[] {
  let s = scans.get(trace);
  if (!s) {
    s = { state: engine().newFindingsState(), all: [] };
    scans.set(trace, s);
  }
  if (s.state.next < trace.length) {
    const { findings } = engine().scanFindings(trace, s.state.next, s.state);
    if (findings.length) s.all = [...s.all, ...findings];
  }
  return s.all;
}

/**
 * The findings anchored at events that have happened: the first `cursor` events (all of them when
 * the cursor is negative, the store's "at the end"). A later finding is never shown early.
 */
export function findingsBefore(all: readonly Finding[], cursor: number): readonly Finding[] {
  if (cursor < 0) return all;
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid]!.at < cursor) lo = mid + 1;
    else hi = mid;
  }
  return lo === all.length ? all : all.slice(0, lo);
}

/** The findings by the host they happened on (a finding's first host), latest last. */
export function findingsByHost(found: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of found) {
    const h = f.hosts[0];
    if (h === undefined) continue;
    const list = out.get(h);
    if (list) list.push(f);
    else out.set(h, [f]);
  }
  return out;
}

/** The findings by the trace position they are anchored at. */
export function findingsByEvent(found: readonly Finding[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  for (const f of found) {
    const list = out.get(f.at);
    if (list) list.push(f);
    else out.set(f.at, [f]);
  }
  return out;
}

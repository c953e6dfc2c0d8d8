import type { TraceLog } from '@/engine';
import { engine } from '@/store/engine';
import { inherited } from './sharedPrefix';

interface StateChange {
  seq: number;
  host: string;
  instance: string;
  master: boolean;
}

/** The VRRP state changes of a trace, gathered up to `scanned` (the trace grows in place). */
const cache = new WeakMap<TraceLog, { scanned: number; list: StateChange[] }>();

function changes(trace: TraceLog): StateChange[] {
  const { kindOf } = engine();
  let c = cache.get(trace);
  if (!c) {
    // A fork's trace has the changes of the trace it was made from within the shared events.
    const from = inherited(cache, trace);
    const scanned = from ? Math.min(from.kept, from.value.scanned) : 0;
    const list = from ? from.value.list.filter((x) => x.seq < scanned) : [];
    cache.set(trace, (c = { scanned, list }));
  }
  for (; c.scanned < trace.length; c.scanned++) {
    // Only VRRP's state changes count: read kinds, not events (a NAT lab has none at all).
    if (kindOf(trace, c.scanned) !== 'vrrp.state') continue;
    const e = trace.at(c.scanned);
    if (e?.kind === 'vrrp.state')
      c.list.push({ seq: e.seq, host: e.host, instance: e.instance, master: e.to === 'MASTER' });
  }
  return c.list;
}

/**
 * The hosts with a VRRP instance in MASTER state once the events before `cursor` happened: a
 * fold of the `vrrp.state` events, so stepping back in time moves the mark back too.
 */
export function vrrpMastersAt(trace: TraceLog, cursor: number): string[] {
  const master = new Map<string, boolean>();
  for (const c of changes(trace)) {
    if (c.seq >= cursor) break;
    master.set(`${c.host}|${c.instance}`, c.master);
  }
  const hosts = new Set<string>();
  for (const [key, m] of master) if (m) hosts.add(key.split('|')[0]!);
  return [...hosts].sort();
}

import type { TraceLog } from '@/engine';

/** A trace made by a fork from another: the other trace, and how many first events they share. */
export interface SharedPrefix {
  base: TraceLog;
  kept: number;
}

/** Forks on forks followed back at most this far. */
const MAX_HOPS = 16;

/**
 * What a fork's trace shares with the trace it was made from (the session mirror's `source`):
 * its first `kept` events are that trace's, event for event, so whatever a view folded from
 * them there holds here too.
 */
export function sharedPrefix(trace: TraceLog): SharedPrefix | undefined {
  const s = (trace as { source?: SharedPrefix }).source;
  return s && s.kept > 0 ? s : undefined;
}

/**
 * The value a per-trace cache holds for the nearest trace this one was forked from (through
 * forks of forks), with how many first events the two share: a view starts from it instead of
 * from nothing.
 */
export function inherited<V>(
  cache: WeakMap<TraceLog, V>,
  trace: TraceLog,
): { base: TraceLog; value: V; kept: number } | undefined {
  let kept = Infinity;
  let s = sharedPrefix(trace);
  for (let hops = 0; s && hops < MAX_HOPS; hops++) {
    kept = Math.min(kept, s.kept);
    const value = cache.get(s.base);
    if (value !== undefined) return { base: s.base, value, kept };
    s = sharedPrefix(s.base);
  }
  return undefined;
}

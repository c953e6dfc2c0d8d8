import type { HostState, TraceLog } from '@/engine';
import { engine } from '@/store/engine';
import { inherited } from './sharedPrefix';

interface Folded {
  pos: number;
  states: Map<string, HostState>;
}

/** The last fold per trace: playback moves forward a little per frame, so it goes on from there. */
const folds = new WeakMap<TraceLog, Folded>();

/**
 * Every host's state after the first `cursor` events (fold/hostState.ts), folded on from the
 * previous answer when the cursor moved forward, from the start when it moved back. The maps
 * returned are updated in place by later calls: read them for this cursor only.
 */
export function hostStatesAtCursor(trace: TraceLog, cursor: number): Map<string, HostState> {
  const { applyHostEvent, hostStatesAt } = engine();
  const to = Math.max(0, Math.min(cursor, trace.length));
  let f = folds.get(trace);
  if (!f) {
    // A fork's trace: the fold of the trace it was made from holds while it is within the shared
    // events (the cursor was there when the new command was typed). It moves over to this trace.
    const from = inherited(folds, trace);
    if (from && from.value.pos <= Math.min(from.kept, to)) {
      folds.delete(from.base);
      folds.set(trace, (f = from.value));
    }
  }
  if (!f || f.pos > to) {
    const states = hostStatesAt(trace, to);
    folds.set(trace, { pos: to, states });
    return states;
  }
  for (let i = f.pos; i < to; i++) {
    const e = trace.at(i);
    if (e?.host === undefined) continue;
    let s = f.states.get(e.host);
    if (!s) {
      // A host's first event: start it from the fold's own empty state.
      s = hostStatesAt([e], 1).get(e.host)!;
      f.states.set(e.host, s);
      continue;
    }
    applyHostEvent(s, e);
  }
  f.pos = to;
  return f.states;
}

import type { HostState, TraceLog } from '@/engine';
import { engine } from '@/store/engine';
import { letGoOf } from './letGoPrefix';
import { inherited } from './sharedPrefix';

interface Folded {
  pos: number;
  states: Map<string, HostState>;
}

/**
 * The last folds per trace, one per view that reads at its own cursor: the topology follows the
 * playback cursor every frame while the inspector and the sysctl controls follow a settled one a
 * little behind. With a single fold each of them sent it back to 0 in turn, a walk of the whole
 * trace a few times a second (36 ms at 50,000 events). Each call goes on from the furthest fold
 * at or before its cursor.
 */
const folds = new WeakMap<TraceLog, Folded[]>();

/** Folds kept per trace: the views that read host state at a cursor, and one spare. */
const KEEP = 4;

/**
 * Every host's state after the first `cursor` events (fold/hostState.ts), folded on from the
 * previous answer at or before this cursor, from the start when there is none. The maps returned
 * are updated in place by later calls: read them for this cursor only.
 */
export function hostStatesAtCursor(trace: TraceLog, cursor: number): Map<string, HostState> {
  const { foldHostStates } = engine();
  const to = Math.max(0, Math.min(cursor, trace.length));
  let list = folds.get(trace);
  if (!list) {
    // A fork's trace: the folds of the trace it was made from hold while they are within the
    // shared events (the cursor was there when the new command was typed). They move over.
    const from = inherited(folds, trace);
    list = from ? from.value.filter((f) => f.pos <= from.kept) : [];
    if (from) folds.delete(from.base);
    // A trace that replaced another when old detail was let go: the same events from its first
    // kept one on, so the folds that reached it hold (one behind it would fold summarised events).
    const letGo = !from ? letGoOf(trace) : undefined;
    const before = letGo && folds.get(letGo.base);
    if (before) list = before.filter((f) => f.pos >= letGo!.first);
    folds.set(trace, list);
  }
  let f: Folded | undefined;
  for (const x of list) if (x.pos <= to && (!f || x.pos > f.pos)) f = x;
  if (!f) {
    f = { pos: 0, states: new Map() };
    list.unshift(f);
    if (list.length > KEEP) list.pop();
  } else {
    // Most recently used first: the least used fold is the one let go.
    list.splice(list.indexOf(f), 1);
    list.unshift(f);
  }
  foldHostStates(f.states, trace, f.pos, to);
  f.pos = to;
  return f.states;
}

import type { TraceLog } from '@/engine';
import type { ConnectionColours } from './connections';
import type { HopIndex } from './frameHops';
import { letGoOf } from './letGoPrefix';
import { inherited } from './sharedPrefix';
import { carryModelFold } from './traceModelCarry';
import { dropModelPrefix } from './traceModelLetGo';
import { newModelFold, extendModelFold, modelOf } from './traceModelFold';
import type { ModelFold } from './traceModelFold';

/** Everything the views derive from a trace once, and then look up per frame. */
export interface TraceModel {
  trace: TraceLog;
  hops: HopIndex;
  colours: ConnectionColours;
  pktEvents: Map<string, number[]>;
  /** Positions of drops: `drop` events and frames a NIC did not accept. */
  drops: number[];
}

/** The model of a whole trace, built from nothing. */
export function buildTraceModel(trace: TraceLog): TraceModel {
  const fold = newModelFold(trace);
  extendModelFold(fold, trace.length);
  return modelOf(fold);
}

const cache = new WeakMap<object, { fold: ModelFold; length: number; model: TraceModel }>();
/** The last fold of each trace: a fork's trace starts from the one of the trace it was made from. */
const folds = new WeakMap<TraceLog, ModelFold>();

/**
 * A fold for a trace seen for the first time: moved over from the trace it replaced when old
 * detail was let go, or cut from its fork source's, else empty.
 */
function startFold(trace: TraceLog): ModelFold {
  const letGo = letGoOf(trace);
  const before = letGo && folds.get(letGo.base);
  if (before && before.length >= letGo!.first) return dropModelPrefix(before, trace, letGo!.first);
  const from = inherited(folds, trace);
  return from ? carryModelFold(from.value, trace, from.kept) : newModelFold(trace);
}

/**
 * The model for a runtime's trace. When the same trace has grown, the fold goes on from where it
 * stopped (O(new events)); a fork's new trace starts from the fold of the one it was made from,
 * cut back to the events they share, and a trace that let go of old detail from the one it
 * replaced, without what went; any other replaced or shortened trace is folded from the start.
 */
export function traceModelFor(owner: object, trace: TraceLog): TraceModel {
  const hit = cache.get(owner);
  if (hit && hit.fold.trace === trace && hit.length === trace.length) return hit.model;
  const fold = hit && hit.fold.trace === trace && hit.length < trace.length ? hit.fold : startFold(trace);
  folds.set(trace, fold);
  extendModelFold(fold, trace.length);
  const model = modelOf(fold);
  cache.set(owner, { fold, length: trace.length, model });
  return model;
}

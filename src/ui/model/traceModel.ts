import type { TraceLog } from '@/engine';
import type { ConnectionColours } from './connections';
import type { HopIndex } from './frameHops';
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

/**
 * The model for a runtime's trace. When the same trace has grown, the fold goes on from where it
 * stopped (O(new events)); a replaced or shortened trace is folded from the start.
 */
export function traceModelFor(owner: object, trace: TraceLog): TraceModel {
  const hit = cache.get(owner);
  if (hit && hit.fold.trace === trace && hit.length === trace.length) return hit.model;
  const fold = hit && hit.fold.trace === trace && hit.length < trace.length ? hit.fold : newModelFold(trace);
  extendModelFold(fold, trace.length);
  const model = modelOf(fold);
  cache.set(owner, { fold, length: trace.length, model });
  return model;
}

import type { TraceEvent } from '@/engine';
import { numberConnections } from './connections';
import type { ConnectionColours } from './connections';
import { buildHops } from './frameHops';
import type { HopIndex } from './frameHops';
import { indexPacketEvents } from './hookPath';

/** Everything the views derive from a trace once, and then look up per frame. */
export interface TraceModel {
  trace: readonly TraceEvent[];
  hops: HopIndex;
  colours: ConnectionColours;
  pktEvents: Map<string, number[]>;
  /** Positions of drops: `drop` events and frames a NIC did not accept. */
  drops: number[];
}

export function buildTraceModel(trace: readonly TraceEvent[]): TraceModel {
  const hops = buildHops(trace);
  const drops: number[] = [];
  for (const e of trace)
    if (e.kind === 'drop' || (e.kind === 'frame.rx' && e.accepted === false)) drops.push(e.seq);
  return {
    trace,
    hops,
    colours: numberConnections(trace, hops.hops),
    pktEvents: indexPacketEvents(trace),
    drops,
  };
}

const cache = new WeakMap<object, { length: number; model: TraceModel }>();

/** The model for a runtime's trace, rebuilt only when the trace has grown or been replaced. */
export function traceModelFor(owner: object, trace: readonly TraceEvent[]): TraceModel {
  const hit = cache.get(owner);
  if (hit && hit.length === trace.length && hit.model.trace === trace) return hit.model;
  const model = buildTraceModel(trace);
  cache.set(owner, { length: trace.length, model });
  return model;
}

import type { TraceEvent } from '@/engine';
import type { SessionMessage } from './protocol';

function hasToJSON(v: unknown): v is { toJSON(): unknown } {
  return typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function';
}

/**
 * An event as plain data. The engine keeps some fields lazy (an `ipvs.schedule` explanation is
 * derived on first read and serialises through toJSON), which is free within one heap; across
 * a Worker boundary only plain data goes, and this is the same data a serialised trace holds.
 */
export function plainEvent(e: TraceEvent): TraceEvent {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(e)) {
    if (!hasToJSON(v)) continue;
    out ??= { ...e };
    out[k] = v.toJSON();
  }
  return (out ?? e) as TraceEvent;
}

/** A session message as a Worker transport posts it: the trace's events made plain. */
export function plainMessage(m: SessionMessage): SessionMessage {
  if (m.kind !== 'event' || m.event.type !== 'trace-append') return m;
  return { ...m, event: { ...m.event, events: m.event.events.map(plainEvent) } };
}

/**
 * The trace: an append-only list of plain-data events. Every view (animation, event list,
 * inspector, the CLI's --trace) renders from it and nothing else.
 *
 * Each event has a stable `kind` and plain parameters, so a view can say in either language
 * what happened and why. The parameter shapes live next to the code that emits them and are
 * gathered into one union in traceEvents.ts; this module fixes the envelope.
 */
import type { EngineEvent } from './traceEvents';

export interface TraceEnvelope {
  /** Virtual time, microseconds. */
  t: number;
  /** Position in the trace (0-based), a total order. */
  seq: number;
  kind: string;
  host?: string;
}

/** An event as stored: its own fields, then the stamp. Narrow on `kind`. */
export type TraceEvent = EngineEvent & TraceEnvelope;

export type TraceKind = EngineEvent['kind'];

/** The stored event(s) of one kind. */
export type EventOf<K extends TraceKind> = Extract<TraceEvent, { kind: K }>;

/** What emit takes: an event of the union, optionally born with its envelope slots (a stable object shape on hot paths). */
export type EmitInput = EngineEvent & { t?: number; seq?: number };

export class Trace {
  readonly events: TraceEvent[] = [];
  private listeners: ((ev: TraceEvent) => void)[] = [];

  /**
   * Stamp and append an event. The object is kept as given (no copy): callers build it fresh,
   * and the stamp goes after the event's own fields (the CLI's --trace JSON keeps that order).
   */
  emit(t: number, ev: EmitInput): TraceEvent {
    const stamped = ev as TraceEvent;
    stamped.t = t;
    stamped.seq = this.events.length;
    this.events.push(stamped);
    for (const l of this.listeners) l(stamped);
    return stamped;
  }

  subscribe(listener: (ev: TraceEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
}

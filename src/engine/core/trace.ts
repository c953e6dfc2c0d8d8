/**
 * The trace: an append-only list of plain-data events, stored in columns (traceStore.ts). Every view (animation, event list,
 * inspector, the CLI's --trace) renders from it and nothing else.
 *
 * Each event has a stable `kind` and plain parameters, so a view can say in either language
 * what happened and why. The parameter shapes live next to the code that emits them and are
 * gathered into one union in traceEvents.ts; this module fixes the envelope.
 */
import type { EngineEvent } from './traceEvents';
import { CHUNK, STICKY_KINDS, TraceChunks } from './traceChunks';
import { type FixedKind, fixedEvent } from './traceFixed';
import type { TraceSummary } from './traceSummary';

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

/**
 * Read access to a trace, compact or not: what views and folds take. A plain `readonly TraceEvent[]`
 * is one too (tests pass arrays); `at(i)` may build a fresh object on each call, so compare events
 * by `seq`, never by identity.
 */
export interface TraceLog {
  readonly length: number;
  at(i: number): TraceEvent | undefined;
  slice(from?: number, to?: number): TraceEvent[];
  [Symbol.iterator](): Iterator<TraceEvent>;
  /** First event kept in full detail (a bounded trace summarises older ones; 0 or absent: none). */
  readonly first?: number;
  /** What a bounded trace summarised, if anything. */
  summarised?(): TraceSummary | undefined;
  /** Event `i`'s kind without building the event (compact logs have it). */
  kindAt?(i: number): string | undefined;
  /** `each(i)` for the configuration events among `[from, to)`, skipping the rest unread (compact logs have it). */
  eachSticky?(from: number, to: number, each: (i: number) => void): void;
  /** Event `i`'s time (µs) without building it (compact logs have it; 0 ≤ i < length). */
  timeAt?(i: number): number | undefined;
}

/** Event `i`'s kind: from the kind column where the log has one, else from the event. */
export function kindOf(log: Pick<TraceLog, 'at' | 'kindAt'>, i: number): string | undefined {
  return log.kindAt ? log.kindAt(i) : log.at(i)?.kind;
}

/** Event `i`'s time (µs): from the time column where the log has one, else from the event. */
export function timeOf(log: Pick<TraceLog, 'at' | 'timeAt'>, i: number): number | undefined {
  return log.timeAt ? log.timeAt(i) : log.at(i)?.t;
}

/**
 * `each(i)` for every event among `[from, to)` whose kind is sticky (STICKY_KINDS: the
 * configuration a bounded trace keeps), in order: from the log's own list where it has one.
 */
export function eachSticky(log: TraceLog, from: number, to: number, each: (i: number) => void): void {
  if (log.eachSticky) return log.eachSticky(from, to, each);
  const end = Math.min(to, log.length);
  for (let i = Math.max(0, from); i < end; i++) if (STICKY_KINDS.has(kindOf(log, i) ?? '')) each(i);
}

/** The first event of `log` kept in full detail (before it, `at` gives configuration events only). */
export function firstKept(log: Pick<TraceLog, 'first'>): number {
  return log.first ?? 0;
}

/** The events from `from` to `to` (end-exclusive, clamped, negative counts from the end) as an array. */
export function sliceLog(log: Pick<TraceLog, 'length' | 'at'>, from = 0, to = log.length): TraceEvent[] {
  const n = log.length;
  const a = from < 0 ? Math.max(0, n + from) : Math.min(from, n);
  const b = to < 0 ? Math.max(0, n + to) : Math.min(to, n);
  const out: TraceEvent[] = [];
  for (let i = a; i < b; i++) out.push(log.at(i)!);
  return out;
}

/**
 * An append-only trace kept in columns (traceStore.ts) and chunks (traceChunks.ts); events come
 * back through `at`/iteration. With a bound, detail older than the most recent `keep` events is
 * summarised a chunk at a time (never events from `pin` on, which a writer has yet to read).
 */
export class TraceBuffer implements TraceLog {
  protected readonly store = new TraceChunks();
  private keep = Infinity;
  private pinned = Infinity;

  get length(): number {
    return this.store.length;
  }

  at(i: number): TraceEvent | undefined {
    return this.store.at(i) as TraceEvent | undefined;
  }

  slice(from?: number, to?: number): TraceEvent[] {
    return sliceLog(this, from, to);
  }

  /** Every event still readable: the summarised span gives only its configuration events. */
  *[Symbol.iterator](): Iterator<TraceEvent> {
    for (let i = 0; i < this.store.length; i++) {
      const e = this.at(i);
      if (e) yield e;
    }
  }

  get first(): number {
    return this.store.first;
  }

  summarised(): TraceSummary | undefined {
    return this.store.summarised();
  }

  /**
   * Keep full detail for at least the most recent `keep` events (Infinity: everything). Older
   * chunks are summarised as the trace grows, except from `pin` on (default: no pin).
   */
  bound(keep: number, pin = Infinity): void {
    this.keep = keep;
    this.pinned = pin;
    this.store.setLazy(keep !== Infinity);
    this.settle();
  }

  /** Events from `seq` on must stay in full detail until pinned later (a writer has not read them). */
  pin(seq: number): void {
    this.pinned = seq;
    this.settle();
  }

  /** Summarise what the bound lets go (cheap when nothing is due: checked once per chunk). */
  protected settle(): void {
    if (this.keep === Infinity) return;
    this.store.summariseBefore(this.pinned, this.keep);
  }

  /** JSON.stringify writes the events as the array they used to be. */
  toJSON(): TraceEvent[] {
    return this.slice();
  }

  /** Kind and time of event `i` without building it. */
  kindAt(i: number): string | undefined {
    return this.store.kindAt(i);
  }

  eachSticky(from: number, to: number, each: (i: number) => void): void {
    this.store.eachSticky(from, to, each);
  }

  timeAt(i: number): number | undefined {
    return this.store.timeAt(i);
  }

  /** Approximate bytes of the columns (the benchmarks' and the long-session tests' measure). */
  columnBytes(): number {
    return this.store.columnBytes();
  }

  /** Append an already stamped event (the session mirror receives them so). */
  append(ev: TraceEvent): void {
    this.store.push(ev.t, ev);
    if (this.store.length % CHUNK === 0) this.settle();
  }

  /** Forget the events from `length` on. */
  truncate(length: number): void {
    this.store.truncate(length);
  }
}

export class Trace extends TraceBuffer {
  private listeners: ((ev: TraceEvent) => void)[] = [];

  /**
   * Stamp and append an event. The stored copy is columnar; the given object is stamped and handed
   * to listeners (the stamp goes after the event's own fields, as the CLI's --trace JSON shows).
   */
  emit(t: number, ev: EmitInput): TraceEvent {
    const stamped = ev as TraceEvent;
    stamped.t = t;
    stamped.seq = this.store.length;
    this.store.push(t, stamped);
    // Indexed: `for…of` made an array iterator per event here (~13 emits per request).
    const ls = this.listeners;
    for (let i = 0; i < ls.length; i++) ls[i]!(stamped);
    if (this.store.length % CHUNK === 0) this.settle();
    return stamped;
  }

  /**
   * Append an event of fixed kind `f`, given as its values in key order (traceFixed.ts): no event
   * object is made unless a listener wants one. Stored as `emit` would store the object.
   */
  emitFixed(
    t: number,
    f: FixedKind,
    a: unknown,
    b?: unknown,
    c?: unknown,
    d?: unknown,
    e?: unknown,
    g?: unknown,
    h?: unknown,
    k?: unknown,
    l?: unknown,
  ): void {
    if (this.listeners.length > 0) {
      this.emit(t, fixedEvent(f, [a, b, c, d, e, g, h, k, l]) as unknown as EmitInput);
      return;
    }
    this.store.pushFixed(t, f, a, b, c, d, e, g, h, k, l);
    if (this.store.length % CHUNK === 0) this.settle();
  }

  /** `emitFixed` for a packed kind of an id and a record kept by reference (a scheduler's decision). */
  emitIdRecord(t: number, f: FixedKind<readonly [string, object]>, id: string, rec: object): void {
    if (this.listeners.length > 0) return this.emitFixed(t, f, id, rec);
    this.store.pushIdRecord(t, f, id, rec);
    if (this.store.length % CHUNK === 0) this.settle();
  }

  subscribe(listener: (ev: TraceEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }
}

import type { TraceBuffer, TraceEvent, TraceLog } from '@/engine';

/** Splices on splices: past this many, a fork copies the events it keeps instead. */
const MAX_DEPTH = 8;

/** Event j's kind from its log's kind column if it has one (a module function: views ask per frame). */
function kindIn(log: TraceLog, j: number): string | undefined {
  return (log as { kindAt?: (j: number) => string | undefined }).kindAt?.(j) ?? log.at(j)?.kind;
}

/** Event j's time from its log's time column if it has one (playback reads times per frame). */
function timeIn(log: TraceLog, j: number): number | undefined {
  return log.timeAt ? log.timeAt(j) : log.at(j)?.t;
}

/**
 * The mirror's trace after a fork: the first `kept` events are the earlier trace's (the new
 * engine ran the same commands from the same start, so they are the same events, byte for byte),
 * the rest its own. Keeping them saves posting, decoding and storing again what the page has
 * already; the earlier trace is not written to any more. A new object, so views that cache by
 * identity start over with it.
 */
export class SplicedLog implements TraceLog {
  private readonly base: TraceLog;
  private kept: number;
  private readonly depth: number;
  private readonly from: TraceLog;
  private readonly fromKept: number;

  constructor(
    base: TraceLog,
    kept: number,
    private readonly tail: TraceBuffer,
  ) {
    this.from = base;
    this.fromKept = Math.max(0, Math.min(kept, base.length));
    // The first events of a splice are its base's when it keeps no more than that base did.
    const inner = base instanceof SplicedLog && kept <= base.kept ? base.base : base;
    this.base = inner;
    this.kept = Math.min(kept, inner.length);
    this.depth = inner instanceof SplicedLog ? inner.depth + 1 : 1;
  }

  /** The trace whose first `kept` events this one shares (views may reuse what they derived from those). */
  get origin(): { base: TraceLog; kept: number } {
    return { base: this.base, kept: this.kept };
  }

  /**
   * The trace this one was made from (before any collapsing into `origin`) and how many first
   * events they share: the views' state for that trace is the warm one to carry on from.
   */
  get source(): { base: TraceLog; kept: number } {
    return { base: this.from, kept: Math.min(this.fromKept, this.kept) };
  }

  /** Whether another splice may go on top of this one (else the caller copies). */
  get deep(): boolean {
    return this.depth >= MAX_DEPTH;
  }

  get length(): number {
    return this.kept + this.tail.length;
  }

  at(i: number): TraceEvent | undefined {
    if (i < 0) i += this.length;
    if (!(i >= 0 && i < this.length)) return undefined;
    if (i < this.kept) return this.base.at(i);
    const e = this.tail.at(i - this.kept)!;
    e.seq = i; // a fresh object: its position is in this whole trace
    return e;
  }

  /** The kind of event i, without building it (the compact trace keeps kinds in a column). */
  kindAt(i: number): string | undefined {
    if (i < 0) i += this.length;
    if (!(i >= 0 && i < this.length)) return undefined;
    return i < this.kept ? kindIn(this.base, i) : this.tail.kindAt(i - this.kept);
  }

  /** The time of event i, without building it. */
  timeAt(i: number): number | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    return i < this.kept ? timeIn(this.base, i) : this.tail.timeAt(i - this.kept);
  }

  /** As Array.prototype.slice (the engine's sliceLog; not imported: the page loads the engine lazily). */
  slice(from = 0, to = this.length): TraceEvent[] {
    const n = this.length;
    const a = from < 0 ? Math.max(0, n + from) : Math.min(from, n);
    const b = to < 0 ? Math.max(0, n + to) : Math.min(to, n);
    const out: TraceEvent[] = [];
    for (let i = a; i < b; i++) out.push(this.at(i)!);
    return out;
  }

  *[Symbol.iterator](): Iterator<TraceEvent> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }

  toJSON(): TraceEvent[] {
    return this.slice();
  }

  append(ev: TraceEvent): void {
    this.tail.append(ev);
  }

  /** Forget the events from `length` on (the kept part can only shrink: the base stays as it is). */
  truncate(length: number): void {
    if (length >= this.kept) return this.tail.truncate(length - this.kept);
    this.kept = Math.max(0, length);
    this.tail.truncate(0);
  }
}

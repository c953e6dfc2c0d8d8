/**
 * The configuration events a summarised span of the trace keeps (traceChunks.ts STICKY_KINDS),
 * each under its own seq: one store of them in order, and their seqs beside it, found by binary
 * search. The store is made when the first event is kept (most traces are never summarised, and a
 * lab start should not pay for a second store's columns).
 */
import type { EngineEvent } from './traceEvents';
import { TraceStore } from './traceStore';

const EMPTY_SEQS = new Uint32Array(0);

export class StickyEvents {
  private store: TraceStore<EngineEvent> | undefined = undefined;
  /** Per kept event, its seq in the whole trace (increasing). */
  private seqs = EMPTY_SEQS;

  get length(): number {
    return this.store?.length ?? 0;
  }

  /** Keep `ev`, seq `seq` (after every event kept so far). */
  keep(ev: EngineEvent & { t: number }, seq: number): void {
    this.storeFor(seq).push(ev.t, ev);
  }

  /** The store to push the event of seq `seq` into (a raw chunk replays into it, traceLazy.ts). */
  storeFor(seq: number): TraceStore<EngineEvent> {
    const store = (this.store ??= new TraceStore<EngineEvent>());
    const n = store.length;
    if (n === this.seqs.length) {
      const b = new Uint32Array(Math.max(64, n * 2));
      b.set(this.seqs);
      this.seqs = b;
    }
    this.seqs[n] = seq;
    return store;
  }

  /** The kept event of seq `seq`, or undefined. */
  at(seq: number): (EngineEvent & { t: number; seq: number }) | undefined {
    const s = this.indexOf(seq);
    return s < 0 ? undefined : this.store!.at(s);
  }

  kindAt(seq: number): string | undefined {
    const s = this.indexOf(seq);
    return s < 0 ? undefined : this.store!.kindAt(s);
  }

  timeAt(seq: number): number | undefined {
    const s = this.indexOf(seq);
    return s < 0 ? undefined : this.store!.timeAt(s);
  }

  /** Call `each(seq)` for every kept event with seq in `[from, stop)`, in order. */
  each(from: number, stop: number, each: (seq: number) => void): void {
    for (let s = this.atOrAfter(from), n = this.length; s < n && this.seqs[s]! < stop; s++)
      each(this.seqs[s]!);
  }

  /** Forget the kept events of seq `seq` and later. */
  truncate(seq: number): void {
    if (!this.store) return;
    let s = this.store.length;
    while (s > 0 && this.seqs[s - 1]! >= seq) s--;
    this.store.truncate(s);
  }

  /** Approximate bytes of the store's columns and the seqs. */
  columnBytes(): number {
    return this.store ? this.store.columnBytes() + this.store.length * 4 : 0;
  }

  /** Index of the first kept event at or after `seq`. */
  private atOrAfter(seq: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqs[mid]! < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the kept event `seq`, or -1. */
  private indexOf(seq: number): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.seqs[mid]!;
      if (v === seq) return mid;
      if (v < seq) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/**
 * The event queue's table of entries: each queued event has a slot, a number that stays put while
 * the heaps (keyedHeap.ts) move their keys, so they move numbers only. Per slot, the event, its
 * due time and its in-flight mark. A cancelled event's slot is emptied (its event let go at once)
 * and stays taken until its heap entry leaves (popped or swept): whether an entry is live is then
 * a read of this table, never of the event, whose class is one of dozens (a megamorphic load).
 */
import { growTyped } from './growTyped';

export class QueueSlots<E extends object> {
  /** Per slot, its event; undefined while free or once cancelled. */
  readonly evs: (E | undefined)[] = [];
  /** Per slot, when its event is due (µs). */
  due = new Float64Array(64);
  /** Per slot, 1 when pushed as a frame in transit. */
  flight = new Uint8Array(64);
  /** Slots given back, to be taken again (last freed first: the table stays as small as the heaps). */
  private free = new Int32Array(64);
  private nFree = 0;
  /** Slots made so far. */
  private made = 0;

  /** A slot for `ev`, due at `time`. */
  take(ev: E, time: number, inFlight: boolean): number {
    let s: number;
    if (this.nFree > 0) s = this.free[--this.nFree]!;
    else {
      s = this.made++;
      if (s === this.due.length) {
        this.due = growTyped(this.due, s + 1);
        this.flight = growTyped(this.flight, s + 1);
      }
      this.evs.push(undefined);
    }
    this.evs[s] = ev;
    this.due[s] = time;
    this.flight[s] = inFlight ? 1 : 0;
    return s;
  }

  /** Slot `s` is out of the heaps: free to be taken again. */
  give(s: number): void {
    this.evs[s] = undefined;
    if (this.nFree === this.free.length) this.free = growTyped(this.free, this.nFree + 1);
    this.free[this.nFree++] = s;
  }

  /** Whether `ev` is queued in slot `s` and not cancelled (a slot taken again holds another event). */
  holds(ev: E, s: number): boolean {
    return s >= 0 && s < this.made && this.evs[s] === ev;
  }

  /** Cancel `ev` if it is live in slot `s` (else nothing: it ran, or was cancelled already). */
  cancel(ev: E, s: number): void {
    if (this.holds(ev, s)) this.evs[s] = undefined;
  }

  /** Slots made, free or not (tests). */
  get size(): number {
    return this.made;
  }
}

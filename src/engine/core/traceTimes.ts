/**
 * The trace's time column: 2 bytes per event instead of 4 (or a float's 8). Every CHECK_EVERY
 * events a checkpoint keeps the exact time; the events after it keep the µs since the event
 * before (a request's events are µs apart). A gap that does not fit, or a time that is not a
 * whole number of µs after the one before (fractional, -0), is kept exactly in a side map. Reading
 * time `i` adds the deltas from the checkpoint or side entry before it (at most 63).
 */
import { growTyped } from './growTyped';

const BITS = 6;
const EVERY = 1 << BITS;
/** A delta stored as this is in `wide`. */
const WIDE = 0xffff;

export class TraceTimes {
  private deltas: Uint16Array;
  private bases: Float64Array;
  private readonly wide = new Map<number, number>();
  private last = 0;
  private count = 0;
  /** The time read last and its index: reading in order (the views do) adds one delta. */
  private readAt = -1;
  private readTime = 0;

  constructor(events = 1024) {
    this.deltas = new Uint16Array(events);
    this.bases = new Float64Array(Math.ceil(events / EVERY));
  }

  push(t: number): void {
    const i = this.count;
    if (i >= this.deltas.length) this.deltas = growTyped(this.deltas, i + 1);
    if ((i & (EVERY - 1)) === 0) {
      const c = i >>> BITS;
      if (c >= this.bases.length) this.bases = growTyped(this.bases, c + 1);
      this.bases[c] = t;
      this.deltas[i] = 0;
    } else {
      const d = t - this.last;
      // Summing back must give `t` bit for bit: whole µs, and an exact float sum.
      if (d >= 0 && d < WIDE && Number.isInteger(d) && Object.is(this.last + d, t)) this.deltas[i] = d;
      else {
        this.deltas[i] = WIDE;
        this.wide.set(i, t);
      }
    }
    this.last = t;
    this.count = i + 1;
  }

  /** The time of event `i` (0 ≤ i < length), exactly as pushed. */
  at(i: number): number {
    if (i === this.readAt + 1 && (i & (EVERY - 1)) !== 0 && this.deltas[i] !== WIDE)
      return this.remember(i, this.readTime + this.deltas[i]!);
    if (i === this.readAt) return this.readTime;
    const from = i & ~(EVERY - 1);
    let a = i;
    while (a > from && this.deltas[a] !== WIDE) a--;
    let t = a === from ? this.bases[a >>> BITS]! : this.wide.get(a)!;
    // Added in push order, so the float sums are the same ones push checked.
    for (let j = a + 1; j <= i; j++) t += this.deltas[j]!;
    return this.remember(i, t);
  }

  private remember(i: number, t: number): number {
    this.readAt = i;
    this.readTime = t;
    return t;
  }

  truncate(keep: number): void {
    if (keep >= this.count) return;
    for (const i of this.wide.keys()) if (i >= keep) this.wide.delete(i);
    this.count = keep;
    this.readAt = -1;
    this.last = keep > 0 ? this.at(keep - 1) : 0;
  }

  /** Give back spare room (a later push grows again). */
  seal(): void {
    if (this.deltas.length !== this.count) this.deltas = this.deltas.slice(0, this.count);
    const c = Math.ceil(this.count / EVERY);
    if (this.bases.length !== c) this.bases = this.bases.slice(0, c);
  }

  bytes(): number {
    return this.count * 2 + Math.ceil(this.count / EVERY) * 8 + this.wide.size * 16;
  }
}

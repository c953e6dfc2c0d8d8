/**
 * A binary min-heap of entries ordered by (time, seq), its keys kept in typed arrays beside the
 * entries. The event queue's entries are objects of dozens of classes (closures' records, every
 * TimerEvent subclass); comparing their own `time` and `seq` made each read in a sift a
 * megamorphic load (~5% of a request). Here a sift reads and moves numbers only, and an entry is
 * read only to ask whether it is cancelled (at the top, or in a sweep).
 */
import { growTyped } from './growTyped';

export class KeyedHeap<E extends { readonly cancelled: boolean }> {
  /** The entries in heap order; `times`, `seqs` and `flags` hold their keys and marks at the same index. */
  readonly evs: E[] = [];
  times = new Float64Array(64);
  /** Insertion counters: distinct, so (time, seq) is a total order. */
  seqs = new Float64Array(64);
  /** Per entry, 1 when pushed as a frame in transit. */
  flags = new Uint8Array(64);
  n = 0;

  insert(ev: E, time: number, seq: number, inFlight: boolean): void {
    const i = this.n;
    if (i === this.times.length) this.grow(i + 1);
    this.evs.push(ev);
    this.n = i + 1;
    this.siftUp(i, ev, time, seq, inFlight ? 1 : 0);
  }

  /** Remove and return the top entry (the heap is not empty). */
  take(): E {
    const evs = this.evs;
    const top = evs[0]!;
    const last = evs.pop()!;
    const n = --this.n;
    if (n > 0) this.siftDown(0, last, this.times[n]!, this.seqs[n]!, this.flags[n]!);
    return top;
  }

  /** Drop the cancelled entries and restore heap order (in place: no new arrays per sweep). */
  sweep(): void {
    const { evs, times, seqs, flags } = this;
    let m = 0;
    for (let i = 0; i < this.n; i++) {
      const ev = evs[i]!;
      if (ev.cancelled) continue;
      evs[m] = ev;
      times[m] = times[i]!;
      seqs[m] = seqs[i]!;
      flags[m] = flags[i]!;
      m++;
    }
    evs.length = m;
    this.n = m;
    for (let i = (m >> 1) - 1; i >= 0; i--) this.siftDown(i, evs[i]!, times[i]!, seqs[i]!, flags[i]!);
  }

  private siftUp(i: number, ev: E, time: number, seq: number, flag: number): void {
    const { evs, times, seqs, flags } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (time > pt || (time === pt && seq > seqs[p]!)) break;
      evs[i] = evs[p]!;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      flags[i] = flags[p]!;
      i = p;
    }
    evs[i] = ev;
    times[i] = time;
    seqs[i] = seq;
    flags[i] = flag;
  }

  /** Place the entry keyed (time, seq) at or below `i`, moving smaller children up. */
  private siftDown(i: number, ev: E, time: number, seq: number, flag: number): void {
    const { evs, times, seqs, flags } = this;
    const n = this.n;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      let c = l;
      let ct = times[l]!;
      const r = l + 1;
      if (r < n) {
        const rt = times[r]!;
        if (rt < ct || (rt === ct && seqs[r]! < seqs[l]!)) {
          c = r;
          ct = rt;
        }
      }
      if (ct > time || (ct === time && seqs[c]! > seq)) break;
      evs[i] = evs[c]!;
      times[i] = ct;
      seqs[i] = seqs[c]!;
      flags[i] = flags[c]!;
      i = c;
    }
    evs[i] = ev;
    times[i] = time;
    seqs[i] = seq;
    flags[i] = flag;
  }

  private grow(need: number): void {
    this.times = growTyped(this.times, need);
    this.seqs = growTyped(this.seqs, need);
    this.flags = growTyped(this.flags, need);
  }
}

/**
 * A binary min-heap of queue slots (queueSlots.ts) ordered by (time, seq), its keys kept in typed
 * arrays beside the slots. The event queue's entries are objects of dozens of classes (closures'
 * records, every TimerEvent subclass); comparing their own `time` and `seq` made each read in a
 * sift a megamorphic load (~5% of a request), and moving them was a write barrier per move. Here
 * a sift reads and moves numbers only, and a sweep asks the slot table (not the event) whether an
 * entry was cancelled.
 */
import { growTyped } from './growTyped';
import type { QueueSlots } from './queueSlots';

export class KeyedHeap {
  /** The entries' slots in heap order; `times` and `seqs` hold their keys at the same index. */
  slots = new Int32Array(64);
  times = new Float64Array(64);
  /** Insertion counters: distinct, so (time, seq) is a total order. */
  seqs = new Float64Array(64);
  n = 0;

  insert(slot: number, time: number, seq: number): void {
    const i = this.n;
    if (i === this.times.length) this.grow(i + 1);
    this.n = i + 1;
    this.siftUp(i, slot, time, seq);
  }

  /** Remove the top entry and return its slot (the heap is not empty). */
  take(): number {
    const top = this.slots[0]!;
    const n = --this.n;
    if (n > 0) this.siftDown(0, this.slots[n]!, this.times[n]!, this.seqs[n]!);
    return top;
  }

  /**
   * Drop the entries `table` no longer holds an event for (cancelled), giving their slots back,
   * and restore heap order (in place: no new arrays per sweep).
   */
  sweep<E extends object>(table: QueueSlots<E>): void {
    const { slots, times, seqs } = this;
    const evs = table.evs;
    let m = 0;
    for (let i = 0; i < this.n; i++) {
      const s = slots[i]!;
      if (evs[s] === undefined) {
        table.give(s);
        continue;
      }
      slots[m] = s;
      times[m] = times[i]!;
      seqs[m] = seqs[i]!;
      m++;
    }
    this.n = m;
    for (let i = (m >> 1) - 1; i >= 0; i--) this.siftDown(i, slots[i]!, times[i]!, seqs[i]!);
  }

  private siftUp(i: number, slot: number, time: number, seq: number): void {
    const { slots, times, seqs } = this;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = times[p]!;
      if (time > pt || (time === pt && seq > seqs[p]!)) break;
      slots[i] = slots[p]!;
      times[i] = pt;
      seqs[i] = seqs[p]!;
      i = p;
    }
    slots[i] = slot;
    times[i] = time;
    seqs[i] = seq;
  }

  /** Place the entry keyed (time, seq) at or below `i`, moving smaller children up. */
  private siftDown(i: number, slot: number, time: number, seq: number): void {
    const { slots, times, seqs } = this;
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
      slots[i] = slots[c]!;
      times[i] = ct;
      seqs[i] = seqs[c]!;
      i = c;
    }
    slots[i] = slot;
    times[i] = time;
    seqs[i] = seq;
  }

  private grow(need: number): void {
    this.slots = growTyped(this.slots, need);
    this.times = growTyped(this.times, need);
    this.seqs = growTyped(this.seqs, need);
  }
}

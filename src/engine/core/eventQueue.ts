/**
 * Binary min-heap of timed events ordered by (time, seq). `seq` is a monotonic insertion
 * counter, so two events at the same microsecond always run in the order they were scheduled.
 */
export interface QueuedEvent {
  readonly time: number;
  readonly seq: number;
  readonly label: string;
  run: () => void;
  cancelled: boolean;
}

export class EventQueue {
  private heap: QueuedEvent[] = [];
  private nextSeq = 0;

  get size(): number {
    return this.heap.length;
  }

  push(time: number, label: string, run: () => void): QueuedEvent {
    const ev: QueuedEvent = { time, seq: this.nextSeq++, label, run, cancelled: false };
    const h = this.heap;
    h.push(ev);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(ev, h[p]!)) break;
      h[i] = h[p]!;
      i = p;
    }
    h[i] = ev;
    return ev;
  }

  peek(): QueuedEvent | undefined {
    this.dropCancelled();
    return this.heap[0];
  }

  pop(): QueuedEvent | undefined {
    this.dropCancelled();
    return this.take();
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.take();
  }

  private take(): QueuedEvent | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && less(h[r]!, h[l]!) ? r : l;
      if (!less(h[c]!, last)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
    return top;
  }
}

function less(a: QueuedEvent, b: QueuedEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

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
  /** A frame in transit: the simulation counts it in `inFlight` until it runs. */
  readonly inFlight: boolean;
}

/** What a cancelled event holds instead of its closure. */
const NOTHING = (): void => {};

/**
 * A timer that is its own queue entry: a long-lived record (a TIME-WAIT socket, an IPVS
 * connection's expiry) subclasses it and runs by method, so it costs no closure and no context.
 * The queue stamps `time` and `seq` when it is armed, as `push` does for a closure.
 */
export abstract class TimerEvent implements QueuedEvent {
  time = 0;
  seq = 0;
  cancelled = false;
  abstract get label(): string;
  abstract run(): void;
  get inFlight(): boolean {
    return false;
  }
  /** Cancelled: let go of what `run` would reach (the queue keeps the entry until it is swept). */
  protected release(): void {}
  /** @internal cancelTimer's way in. */
  cancel(): void {
    this.cancelled = true;
    this.release();
  }
}

/**
 * Cancel a timer (none: nothing to do). It stays in the heap until its time or the next sweep, but
 * lets go of its closure now: a cancelled retransmission timer would otherwise keep its socket, the
 * application behind it and their buffers alive for up to a second of virtual time per request.
 */
export function cancelTimer(ev: QueuedEvent | undefined): void {
  if (!ev) return;
  if (ev instanceof TimerEvent) return ev.cancel();
  ev.cancelled = true;
  ev.run = NOTHING;
}

/**
 * The heap is swept of cancelled events when it reaches this size, then when it has grown by a
 * quarter of what remained: a busy lab's heap is mostly long timers (TIME-WAIT records, IPVS
 * entries), and at twice the live size the cancelled ones had held as much memory again.
 */
const FIRST_SWEEP = 1024;

/**
 * Events due this far past the last one run or further (µs) wait in a heap of their own. A busy
 * lab holds a minute of TIME-WAIT records and IPVS expiries (tens of thousands): in one heap,
 * every frame hop (due within a millisecond, so smaller than all of them) climbed to its root and
 * was sifted down from it again. Apart, the hops' heap holds a few entries. Pops still take the
 * smaller (time, seq) of the two tops, so the order is the one heap's.
 */
export const FAR_US = 50_000;

export class EventQueue {
  /** Events due within `farUs` of the last one run when pushed. */
  private near: QueuedEvent[] = [];
  /** Events due later (timers: retransmission, keep-alive, TIME-WAIT, connection expiry). */
  private far: QueuedEvent[] = [];
  private nextSeq = 0;
  private sweepAt = FIRST_SWEEP;
  /** The time of the last event popped: what `farUs` is counted from. */
  private last = 0;

  constructor(private readonly farUs = FAR_US) {}

  get size(): number {
    return this.near.length + this.far.length;
  }

  push(time: number, label: string, run: () => void, inFlight = false): QueuedEvent {
    const ev: QueuedEvent = { time, seq: this.nextSeq++, label, run, cancelled: false, inFlight };
    this.insert(ev);
    return ev;
  }

  /** Arm a timer record at `time`: the same (time, seq) order as `push`. */
  pushTimer<T extends TimerEvent>(time: number, ev: T): T {
    ev.time = time;
    ev.seq = this.nextSeq++;
    ev.cancelled = false;
    this.insert(ev);
    return ev;
  }

  private insert(ev: QueuedEvent): void {
    if (this.near.length + this.far.length >= this.sweepAt) this.sweep();
    siftUp(ev.time - this.last >= this.farUs ? this.far : this.near, ev);
  }

  peek(): QueuedEvent | undefined {
    return this.firstOf();
  }

  pop(): QueuedEvent | undefined {
    const first = this.firstOf();
    if (first === undefined) return undefined;
    this.last = first.time;
    return take(first === this.near[0] ? this.near : this.far);
  }

  /** The next event if it is due by `limit` (removed), else undefined: a peek and a pop in one. */
  popDue(limit: number): QueuedEvent | undefined {
    const first = this.firstOf();
    if (first === undefined || first.time > limit) return undefined;
    this.last = first.time;
    return take(first === this.near[0] ? this.near : this.far);
  }

  /** The earlier live top of the two heaps (cancelled tops are let go of first). */
  private firstOf(): QueuedEvent | undefined {
    const near = this.near;
    const far = this.far;
    while (near.length > 0 && near[0]!.cancelled) take(near);
    while (far.length > 0 && far[0]!.cancelled) take(far);
    const a = near[0];
    const b = far[0];
    if (a === undefined) return b;
    return b === undefined || less(a, b) ? a : b;
  }

  /**
   * Let go of cancelled events before their time comes (a re-armed timer would otherwise keep its
   * closure, and the socket or connection behind it, until then: a 5 s keep-alive timer per
   * request). Pops follow the total (time, seq) order, so rebuilding the heaps changes no outcome.
   */
  private sweep(): void {
    this.near = rebuilt(this.near);
    this.far = rebuilt(this.far);
    const live = this.near.length + this.far.length;
    this.sweepAt = Math.max(FIRST_SWEEP, live + (live >> 2));
  }
}

/** `h` without its cancelled events, heap-ordered again (in place: no new array per sweep). */
function rebuilt(h: QueuedEvent[]): QueuedEvent[] {
  let n = 0;
  for (let i = 0; i < h.length; i++) if (!h[i]!.cancelled) h[n++] = h[i]!;
  h.length = n;
  for (let i = (n >> 1) - 1; i >= 0; i--) siftDown(h, i, h[i]!);
  return h;
}

/** Add `ev` at the bottom of `h` and move it up past larger parents. */
function siftUp(h: QueuedEvent[], ev: QueuedEvent): void {
  h.push(ev);
  let i = h.length - 1;
  while (i > 0) {
    const p = (i - 1) >> 1;
    if (!less(ev, h[p]!)) break;
    h[i] = h[p]!;
    i = p;
  }
  h[i] = ev;
}

/** Remove and return the top of `h`. */
function take(h: QueuedEvent[]): QueuedEvent | undefined {
  const top = h[0];
  const last = h.pop();
  if (top === undefined || last === undefined || h.length === 0) return top;
  siftDown(h, 0, last);
  return top;
}

/** Place `ev` at or below `i`, moving smaller children up. */
function siftDown(h: QueuedEvent[], i: number, ev: QueuedEvent): void {
  const n = h.length;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) break;
    const r = l + 1;
    const c = r < n && less(h[r]!, h[l]!) ? r : l;
    if (!less(h[c]!, ev)) break;
    h[i] = h[c]!;
    i = c;
  }
  h[i] = ev;
}

function less(a: QueuedEvent, b: QueuedEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}

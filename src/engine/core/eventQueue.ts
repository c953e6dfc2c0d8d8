/**
 * Binary min-heap of timed events ordered by (time, seq). `seq` is a monotonic insertion
 * counter, so two events at the same microsecond always run in the order they were scheduled.
 */
import { KeyedHeap } from './keyedHeap';

export interface QueuedEvent {
  readonly time: number;
  readonly seq: number;
  readonly label: string;
  run: () => void;
  cancelled: boolean;
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
  private near = new KeyedHeap<QueuedEvent>();
  /** Events due later (timers: retransmission, keep-alive, TIME-WAIT, connection expiry). */
  private far = new KeyedHeap<QueuedEvent>();
  private nextSeq = 0;
  private sweepAt: number;
  /** The time of the last event popped: what `farUs` is counted from. */
  private last = 0;
  /** Whether the last event popped was pushed as a frame in transit (`inFlight`). */
  private lastFlight = false;

  /** @param firstSweep the size of the first sweep and the least of later ones (tests: smaller) */
  constructor(
    private readonly farUs = FAR_US,
    private readonly firstSweep = FIRST_SWEEP,
  ) {
    this.sweepAt = firstSweep;
  }

  get size(): number {
    return this.near.n + this.far.n;
  }

  /** The time of the last event popped (the simulation's clock once it runs). */
  get lastTime(): number {
    return this.last;
  }

  /** The last event popped is a frame in transit (pushed so): read here, not from the event. */
  get lastInFlight(): boolean {
    return this.lastFlight;
  }

  push(time: number, label: string, run: () => void, inFlight = false): QueuedEvent {
    const seq = this.nextSeq++;
    const ev: QueuedEvent = { time, seq, label, run, cancelled: false };
    this.insert(ev, time, seq, inFlight);
    return ev;
  }

  /**
   * Arm a timer record at `time`: the same (time, seq) order as `push`. `inFlight`: it is a frame
   * in transit (the mark is kept beside its key, as `push` keeps a closure's: events do not carry it).
   */
  pushTimer<T extends TimerEvent>(time: number, ev: T, inFlight = false): T {
    const seq = this.nextSeq++;
    ev.time = time;
    ev.seq = seq;
    ev.cancelled = false;
    this.insert(ev, time, seq, inFlight);
    return ev;
  }

  private insert(ev: QueuedEvent, time: number, seq: number, inFlight: boolean): void {
    if (this.near.n + this.far.n >= this.sweepAt) this.sweep();
    (time - this.last >= this.farUs ? this.far : this.near).insert(ev, time, seq, inFlight);
  }

  peek(): QueuedEvent | undefined {
    const h = this.firstOf();
    return h === undefined ? undefined : h.evs[0];
  }

  /** The time of the next live event (undefined: none), read from its key. */
  peekTime(): number | undefined {
    const h = this.firstOf();
    return h === undefined ? undefined : h.times[0];
  }

  pop(): QueuedEvent | undefined {
    const h = this.firstOf();
    return h === undefined ? undefined : this.take(h);
  }

  /** The next event if it is due by `limit` (removed), else undefined: a peek and a pop in one. */
  popDue(limit: number): QueuedEvent | undefined {
    const h = this.firstOf();
    return h === undefined || h.times[0]! > limit ? undefined : this.take(h);
  }

  private take(h: KeyedHeap<QueuedEvent>): QueuedEvent {
    this.last = h.times[0]!;
    this.lastFlight = h.flags[0] === 1;
    return h.take();
  }

  /**
   * The heap whose top is the earlier live event of the two (cancelled tops are let go of first),
   * compared by the keys beside the entries: no event is read but to ask if it is cancelled.
   */
  private firstOf(): KeyedHeap<QueuedEvent> | undefined {
    const near = this.near;
    const far = this.far;
    while (near.n > 0 && near.evs[0]!.cancelled) near.take();
    while (far.n > 0 && far.evs[0]!.cancelled) far.take();
    if (near.n === 0) return far.n === 0 ? undefined : far;
    if (far.n === 0) return near;
    const a = near.times[0]!;
    const b = far.times[0]!;
    return a < b || (a === b && near.seqs[0]! < far.seqs[0]!) ? near : far;
  }

  /**
   * Let go of cancelled events before their time comes (a re-armed timer would otherwise keep its
   * closure, and the socket or connection behind it, until then: a 5 s keep-alive timer per
   * request). Pops follow the total (time, seq) order, so rebuilding the heaps changes no outcome.
   */
  private sweep(): void {
    this.near.sweep();
    this.far.sweep();
    const live = this.near.n + this.far.n;
    this.sweepAt = Math.max(this.firstSweep, live + (live >> 2));
  }
}

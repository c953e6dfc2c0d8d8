/**
 * Binary min-heap of timed events ordered by (time, seq). `seq` is a monotonic insertion
 * counter, so two events at the same microsecond always run in the order they were scheduled.
 * The keys live in the heaps and the queue's slot table (queueSlots.ts), not in the events: an
 * event holds only where it is queued, so it can be cancelled.
 */
import { KeyedHeap } from './keyedHeap';
import { QueueSlots } from './queueSlots';

export interface QueuedEvent {
  readonly label: string;
  run: () => void;
  /** @internal The queue it was last pushed on, and its slot there (cancelTimer's way back). */
  queuedOn: EventQueue | undefined;
  /** @internal */
  queueSlot: number;
}

/** What a cancelled event holds instead of its closure. */
const NOTHING = (): void => {};

/**
 * A timer that is its own queue entry: a long-lived record (a TIME-WAIT socket, an IPVS
 * connection's expiry) subclasses it and runs by method, so it costs no closure and no context.
 * Its due time and order are the queue's (EventQueue.dueOf); it holds only where it is queued.
 * Two fields, set alike for every subclass: each more made every timer's initialisers slower.
 */
export abstract class TimerEvent implements QueuedEvent {
  queuedOn: EventQueue | undefined = undefined;
  queueSlot = -1;
  abstract get label(): string;
  abstract run(): void;
  /** Cancelled: let go of what `run` would reach (the queue lets go of the entry itself at once). */
  protected release(): void {}
  /** @internal cancelTimer's way in. */
  cancel(): void {
    this.queuedOn?.cancel(this);
    this.release();
  }
}

/**
 * Cancel a timer (none: nothing to do; run already: nothing to undo). Its heap entry stays until
 * its time or the next sweep, but the queue lets go of the event now, and the event of its closure:
 * a cancelled retransmission timer would otherwise keep its socket, the application behind it and
 * their buffers alive for up to a second of virtual time per request.
 */
export function cancelTimer(ev: QueuedEvent | undefined): void {
  if (!ev) return;
  if (ev instanceof TimerEvent) return ev.cancel();
  ev.queuedOn?.cancel(ev);
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
  private near = new KeyedHeap();
  /** Events due later (timers: retransmission, keep-alive, TIME-WAIT, connection expiry). */
  private far = new KeyedHeap();
  /** The queued events, their due times and marks, by the slot the heaps order. */
  private readonly table = new QueueSlots<QueuedEvent>();
  private nextSeq = 0;
  private sweepAt: number;
  /**
   * The time of the last event popped: what `farUs` is counted from. -0 (a double) rather than 0:
   * virtual µs pass V8's small-integer range in long runs, and the field turning double then gave
   * EventQueue a new hidden class, which deoptimised ~20 functions when the next runtime's Sim
   * stored its queue.
   */
  private last = -0;
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
    const ev: QueuedEvent = { label, run, queuedOn: this, queueSlot: -1 };
    ev.queueSlot = this.insert(ev, time, inFlight);
    return ev;
  }

  /**
   * Arm a timer record at `time`: the same (time, seq) order as `push`. `inFlight`: it is a frame
   * in transit (the mark is kept beside its key, as `push` keeps a closure's: events do not carry it).
   */
  pushTimer<T extends TimerEvent>(time: number, ev: T, inFlight = false): T {
    ev.queuedOn = this;
    ev.queueSlot = this.insert(ev, time, inFlight);
    return ev;
  }

  /** Queue `ev` at `time` (the next seq); returns its slot. */
  private insert(ev: QueuedEvent, time: number, inFlight: boolean): number {
    if (this.near.n + this.far.n >= this.sweepAt) this.sweep();
    const s = this.table.take(ev, time, inFlight);
    (time - this.last >= this.farUs ? this.far : this.near).insert(s, time, this.nextSeq++);
    return s;
  }

  /** Cancel `ev` if it is queued here and not yet run (cancelTimer's way in). */
  cancel(ev: QueuedEvent): void {
    this.table.cancel(ev, ev.queueSlot);
  }

  /** When `ev` is due, if it is queued here, live (undefined: run, cancelled, or never pushed). */
  dueOf(ev: QueuedEvent): number | undefined {
    const s = ev.queueSlot;
    return this.table.holds(ev, s) ? this.table.due[s] : undefined;
  }

  peek(): QueuedEvent | undefined {
    const h = this.firstOf();
    return h === undefined ? undefined : this.table.evs[h.slots[0]!];
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

  private take(h: KeyedHeap): QueuedEvent {
    this.last = h.times[0]!;
    const t = this.table;
    const s = h.take();
    this.lastFlight = t.flight[s] === 1;
    const ev = t.evs[s]!;
    t.give(s);
    return ev;
  }

  /**
   * The heap whose top is the earlier live event of the two (cancelled tops are let go of first),
   * compared by the keys beside the entries: no event is read (a cancelled one's slot is empty).
   */
  private firstOf(): KeyedHeap | undefined {
    const near = this.near;
    const far = this.far;
    const t = this.table;
    while (near.n > 0 && t.evs[near.slots[0]!] === undefined) t.give(near.take());
    while (far.n > 0 && t.evs[far.slots[0]!] === undefined) t.give(far.take());
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
    this.near.sweep(this.table);
    this.far.sweep(this.table);
    const live = this.near.n + this.far.n;
    this.sweepAt = Math.max(this.firstSweep, live + (live >> 2));
  }
}

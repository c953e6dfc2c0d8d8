import { EventQueue } from './eventQueue';
import type { QueuedEvent, TimerEvent } from './eventQueue';
import { IdSource } from './ids';
import { createRng } from './rng';
import type { Rng } from './rng';
import { Trace } from './trace';
import type { EmitInput } from './trace';
import type { FixedKind } from './traceFixed';

/** Microseconds per unit, so call sites read `2 * SEC`. Time is always an integer. */
export const USEC = 1;
export const MSEC = 1000;
export const SEC = 1_000_000;

/** Raised when a run exceeds its work cap: a bad scenario must not freeze a tab. */
export class WorkCapExceeded extends Error {
  constructor(readonly events: number) {
    super(`simulation stopped after ${events} events without reaching its goal`);
  }
}

/**
 * The simulation kernel: one integer virtual clock, one event queue, one seeded random source,
 * deterministic ids and the trace. Hosts and segments schedule closures on it.
 */
export class Sim {
  now = 0;
  readonly queue = new EventQueue();
  readonly ids = new IdSource();
  readonly trace = new Trace();
  readonly rng: Rng;
  readonly seed: number;
  /** Events run since creation (for the work cap and benchmarks). */
  executed = 0;
  /** Frames on a wire or a loopback, not yet received: what settling after a command waits for. */
  inFlight = 0;

  /** Checks run after every event until they return true (background jobs waiting on a condition). */
  private watchers: (() => boolean)[] = [];

  constructor(seed = 1) {
    this.seed = seed;
    this.rng = createRng(seed);
  }

  /** Run `fn` after `delay` microseconds of virtual time. */
  after(delay: number, label: string, fn: () => void): QueuedEvent {
    return this.schedule(delay, label, fn, false);
  }

  /**
   * Like `after`, for a frame in transit: counted in `inFlight` until it arrives. The queue keeps
   * the mark beside the event's key (no wrapping closure per frame hop).
   */
  afterInFlight(delay: number, label: string, fn: () => void): QueuedEvent {
    const ev = this.schedule(delay, label, fn, true);
    this.inFlight++;
    return ev;
  }

  private schedule(delay: number, label: string, fn: () => void, inFlight: boolean): QueuedEvent {
    return this.queue.push(this.due(delay), label, fn, inFlight);
  }

  /** The time `delay` microseconds from now (a whole, non-negative number of them). */
  private due(delay: number): number {
    if (!Number.isInteger(delay) || delay < 0) throw new RangeError(`bad delay ${delay}`);
    return this.now + delay;
  }

  /** Arm a timer record for a frame in transit: counted in `inFlight` until it runs. */
  afterInFlightTimer<T extends TimerEvent>(delay: number, ev: T): T {
    this.queue.pushTimer(this.due(delay), ev, true);
    this.inFlight++;
    return ev;
  }

  /** Arm a timer record (no closure) `delay` microseconds from now. */
  afterTimer<T extends TimerEvent>(delay: number, ev: T): T {
    return this.queue.pushTimer(this.due(delay), ev);
  }

  /** Arm a timer record at `time` (not before now), as `at` does for a closure. */
  atTimer<T extends TimerEvent>(time: number, ev: T): T {
    return this.queue.pushTimer(Math.max(time, this.now), ev);
  }

  at(time: number, label: string, fn: () => void): QueuedEvent {
    return this.queue.push(Math.max(time, this.now), label, fn);
  }

  /** Append an event of the trace union at the current time (an unknown kind or field fails to compile). */
  emit(ev: EmitInput): void {
    this.trace.emit(this.now, ev);
  }

  /**
   * Append an event of a fixed kind (traceFixed.ts: a hook passage, a routing decision…) at the
   * current time, given as its values in key order: stored as `emit` stores the same event.
   */
  emitFixed<V extends readonly unknown[]>(f: FixedKind<V>, ...values: V): void;
  emitFixed(
    f: FixedKind,
    a: unknown,
    b?: unknown,
    c?: unknown,
    d?: unknown,
    e?: unknown,
    g?: unknown,
    h?: unknown,
    k?: unknown,
    l?: unknown,
  ): void {
    this.trace.emitFixed(this.now, f, a, b, c, d, e, g, h, k, l);
  }

  /** `emitFixed` for a packed kind of an id and a record kept by reference (Trace.emitIdRecord). */
  emitIdRecord(f: FixedKind<readonly [string, object]>, id: string, rec: object): void {
    this.trace.emitIdRecord(this.now, f, id, rec);
  }

  peekNextTime(): number | undefined {
    return this.queue.peekTime();
  }

  /** Run one event. Returns false when the queue is empty. */
  step(): boolean {
    const ev = this.queue.pop();
    if (!ev) return false;
    this.runEvent(ev);
    return true;
  }

  /** Run the next event if it is due by `limit`; false when none is (one look at the queue, not two). */
  stepDue(limit: number): boolean {
    const ev = this.queue.popDue(limit);
    if (!ev) return false;
    this.runEvent(ev);
    return true;
  }

  /** Run `ev`, just popped: its time and mark are the queue's (an event's own are megamorphic reads). */
  private runEvent(ev: QueuedEvent): void {
    const q = this.queue;
    this.now = q.lastTime;
    this.executed++;
    if (q.lastInFlight) this.inFlight--;
    ev.run();
    if (this.watchers.length > 0) this.runWatchers();
  }

  /** The work cap is spent: throw if an event due by `limit` is still waiting (it stays queued). */
  private capReached(n: number, limit: number): void {
    const next = this.queue.peekTime();
    if (next !== undefined && next <= limit) throw new WorkCapExceeded(n + 1);
  }

  /** Call `check` after every event until it returns true. */
  watch(check: () => boolean): void {
    this.watchers.push(check);
  }

  private runWatchers(): void {
    const all = this.watchers;
    this.watchers = [];
    const kept = all.filter((w) => !w());
    this.watchers = kept.concat(this.watchers);
  }

  /**
   * Run events up to and including time `t`, then set the clock to `t`.
   * `maxEvents` caps the work; exceeding it throws WorkCapExceeded.
   */
  runUntil(t: number, maxEvents = 5_000_000): void {
    let n = 0;
    for (;;) {
      if (n >= maxEvents) {
        this.capReached(n, t);
        break;
      }
      if (!this.stepDue(t)) break;
      n++;
    }
    if (t > this.now) this.now = t;
  }

  /**
   * Run until `done()` holds, the queue is empty, or the clock would pass `deadline`.
   * Returns true when `done()` held.
   */
  runWhile(done: () => boolean, deadline: number, maxEvents = 5_000_000): boolean {
    let n = 0;
    while (!done()) {
      if (n >= maxEvents) this.capReached(n, deadline);
      if (!this.stepDue(deadline)) {
        if (Number.isFinite(deadline) && deadline > this.now) this.now = deadline;
        return done();
      }
      n++;
    }
    return true;
  }
}

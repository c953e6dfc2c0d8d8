/**
 * The event queue pops in (time, seq) order and skips cancelled events; sweeping cancelled events
 * out of a large heap must change neither, and must let them go before their time comes.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { cancelTimer, EventQueue, TimerEvent } from './eventQueue';
import type { QueuedEvent } from './eventQueue';

type Op = { t: 'push'; time: number; rec: boolean } | { t: 'cancel'; which: number } | { t: 'pop' };

/** A timer record (no closure); `released` once cancelled. */
class Rec extends TimerEvent {
  released = false;
  ran = 0;
  get label(): string {
    return 'rec';
  }
  run(): void {
    this.ran++;
  }
  protected override release(): void {
    this.released = true;
  }
}

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    arbitrary: fc.record({
      t: fc.constant('push' as const),
      time: fc.integer({ min: 0, max: 50 }),
      rec: fc.boolean(),
    }),
    weight: 5,
  },
  { arbitrary: fc.record({ t: fc.constant('cancel' as const), which: fc.nat() }), weight: 3 },
  { arbitrary: fc.constant({ t: 'pop' as const }), weight: 2 },
);

describe('EventQueue', () => {
  test('fuzzed pushes (closures and timer records, near and far), cancels and pops (thousands, past the sweep size) pop as a sorted reference does', () => {
    const seed = fuzzSeed();
    try {
      fc.assert(
        // A far horizon within the pushed delays, so both of the queue's heaps hold events.
        fc.property(
          fc.array(op, { minLength: 500, maxLength: 3000 }),
          fc.integer({ min: 1, max: 60 }),
          (ops, farUs) => {
            const q = new EventQueue(farUs);
            const all: QueuedEvent[] = [];
            let ref: { time: number; seq: number; ev: QueuedEvent }[] = [];
            // Pushes take seqs in order; a cancelled event is one the queue no longer holds.
            let seq = 0;
            const live = (r: { ev: QueuedEvent }): boolean => q.dueOf(r.ev) !== undefined;
            let floor = 0;
            for (const o of ops) {
              if (o.t === 'push') {
                const ev = o.rec
                  ? q.pushTimer(floor + o.time, new Rec())
                  : q.push(floor + o.time, 'x', () => {});
                all.push(ev);
                expect(q.dueOf(ev)).toBe(floor + o.time);
                ref.push({ time: floor + o.time, seq: seq++, ev });
              } else if (o.t === 'cancel' && all.length > 0) cancelTimer(all[o.which % all.length]);
              else if (o.t === 'pop') {
                ref = ref.filter(live);
                ref.sort((a, b) => a.time - b.time || a.seq - b.seq);
                const want = ref.shift();
                const got = q.pop();
                expect(got).toBe(want?.ev);
                if (got) {
                  floor = q.lastTime;
                  expect(floor).toBe(want!.time);
                  // Run: no longer queued, and cancelling it now changes nothing.
                  expect(q.dueOf(got)).toBeUndefined();
                }
              }
            }
            ref = ref.filter(live).sort((a, b) => a.time - b.time || a.seq - b.seq);
            for (const r of ref) expect(q.pop()).toBe(r.ev);
            expect(q.pop()).toBeUndefined();
          },
        ),
        { seed, numRuns: 60 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('fuzzed: popDue, peekTime and the popped time and in-flight mark agree with a sorted reference (equal times, both heaps, sweeps)', () => {
    type Op2 =
      | { t: 'push'; dt: number; rec: boolean; flight: boolean }
      | { t: 'cancel'; which: number }
      | { t: 'due'; ahead: number };
    const op2: fc.Arbitrary<Op2> = fc.oneof(
      {
        arbitrary: fc.record({
          t: fc.constant('push' as const),
          // Few distinct times: many events share one, ordered by seq alone.
          dt: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 200 })),
          rec: fc.boolean(),
          flight: fc.boolean(),
        }),
        weight: 6,
      },
      { arbitrary: fc.record({ t: fc.constant('cancel' as const), which: fc.nat() }), weight: 3 },
      {
        arbitrary: fc.record({ t: fc.constant('due' as const), ahead: fc.integer({ min: -1, max: 40 }) }),
        weight: 2,
      },
    );
    const seed = fuzzSeed();
    let swept = 0;
    try {
      fc.assert(
        fc.property(
          fc.array(op2, { minLength: 300, maxLength: 1200 }),
          fc.integer({ min: 1, max: 100 }),
          (ops, farUs) => {
            const q = new EventQueue(farUs, 64);
            const all: QueuedEvent[] = [];
            let ref: { time: number; seq: number; ev: QueuedEvent; flight: boolean }[] = [];
            let now = 0;
            let seq = 0;
            const live = (): typeof ref =>
              ref.filter((r) => q.dueOf(r.ev) !== undefined).sort((a, b) => a.time - b.time || a.seq - b.seq);
            for (const o of ops) {
              if (o.t === 'push') {
                const time = now + o.dt;
                const ev = o.rec
                  ? q.pushTimer(time, new Rec(), o.flight)
                  : q.push(time, 'x', () => {}, o.flight);
                all.push(ev);
                ref.push({ time, seq: seq++, ev, flight: o.flight });
              } else if (o.t === 'cancel' && all.length > 0) cancelTimer(all[o.which % all.length]);
              else if (o.t === 'due') {
                ref = live();
                expect(q.peekTime()).toBe(ref[0]?.time);
                expect(q.peek()).toBe(ref[0]?.ev);
                const limit = now + o.ahead;
                const want = ref[0] !== undefined && ref[0].time <= limit ? ref.shift() : undefined;
                const got = q.popDue(limit);
                expect(got).toBe(want?.ev);
                if (want) {
                  expect(q.lastTime).toBe(want.time);
                  expect(q.lastInFlight).toBe(want.flight);
                  now = want.time;
                }
              }
              // Past the first sweep size (64 here): the heaps are swept of cancelled entries.
              if (q.size >= 64) swept++;
            }
            for (const r of live()) {
              expect(q.pop()).toBe(r.ev);
              expect([q.lastTime, q.lastInFlight]).toEqual([r.time, r.flight]);
            }
            expect(q.pop()).toBeUndefined();
            expect(q.peekTime()).toBeUndefined();
          },
        ),
        { seed, numRuns: 30 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
    expect(swept).toBeGreaterThan(0);
  });

  test('cancelled timers far in the future do not pile up: the heap stays near the live count', () => {
    const q = new EventQueue();
    // A re-armed timer per request: the old one cancelled, due long after the run ends.
    let timer = q.push(5_000_000, 'keepalive', () => {});
    for (let i = 0; i < 100_000; i++) {
      cancelTimer(timer);
      timer = q.push(5_000_000 + i, 'keepalive', () => {});
    }
    expect(q.size).toBeLessThanOrEqual(1024);
    expect(q.pop()).toBe(timer);
    expect(q.pop()).toBeUndefined();
  });

  test('a cancelled timer lets go of its closure at once and never runs; cancelling none is a no-op', () => {
    const q = new EventQueue();
    let ran = 0;
    const run = (): void => {
      ran++;
    };
    const ev = q.push(1_000_000, 'tcp-rtx', run);
    const other = q.push(2_000_000, 'tcp-rtx', run);
    cancelTimer(ev);
    cancelTimer(undefined);
    // The socket a retransmission timer's closure holds is no longer reachable through the heap.
    expect(ev.run).not.toBe(run);
    expect(q.dueOf(ev)).toBeUndefined();
    expect(q.dueOf(other)).toBe(2_000_000);
    ev.run();
    expect(q.pop()).toBe(other);
    other.run();
    expect(ran).toBe(1);
    expect(q.pop()).toBeUndefined();
  });

  test('a cancelled timer record lets go of what it holds and never runs; popped, it can be armed again', () => {
    const q = new EventQueue();
    const a = q.pushTimer(1_000, new Rec());
    const b = q.pushTimer(1_000, new Rec());
    expect([q.dueOf(a), q.dueOf(b)]).toEqual([1_000, 1_000]);
    cancelTimer(a);
    expect(a.released).toBe(true);
    expect(b.released).toBe(false);
    const got = q.pop()!;
    expect(got).toBe(b);
    got.run();
    // Run, its slot is free again: a is not in it, nor does cancelling it again reach b.
    expect(q.dueOf(b)).toBeUndefined();
    q.pushTimer(2_000, b);
    cancelTimer(a);
    expect(q.dueOf(b)).toBe(2_000);
    expect(q.pop()).toBe(b);
    expect(q.pop()).toBeUndefined();
    expect(a.ran + b.ran).toBe(1);
  });

  test('timer records due at one time run in the order armed; one cancelled and armed again before it was swept runs once, at its new time', () => {
    const q = new EventQueue();
    const a = q.pushTimer(1_000, new Rec());
    const b = q.pushTimer(1_000, new Rec());
    const c = q.pushTimer(1_000, new Rec());
    cancelTimer(b);
    // Its old entry (still in the heap, at 1,000) stays cancelled: the new one is in another slot.
    q.pushTimer(3_000, b);
    expect(q.dueOf(b)).toBe(3_000);
    expect([q.pop(), q.pop()]).toEqual([a, c]);
    expect(q.pop()).toBe(b);
    expect(q.lastTime).toBe(3_000);
    expect(q.pop()).toBeUndefined();
  });
});

test('the last time starts as a double (-0): a field turning double later gave EventQueue a new class', () => {
  // Virtual µs pass the small-integer range in long runs; see the field's comment.
  expect(Object.is(new EventQueue().lastTime, -0)).toBe(true);
});

/** The simulation's run loops: the work cap, deadlines, and events left queued when they stop. */
import { describe, expect, test } from 'vitest';
import { Sim, WorkCapExceeded } from './sim';

/** A sim with `n` events 10 µs apart from t = 10, each appending its time to `ran`. */
function withEvents(n: number): { sim: Sim; ran: number[] } {
  const sim = new Sim();
  const ran: number[] = [];
  for (let i = 1; i <= n; i++) sim.at(i * 10, 'e', () => ran.push(sim.now));
  return { sim, ran };
}

describe('Sim run loops', () => {
  test('runUntil runs what is due, sets the clock, and leaves the rest', () => {
    const { sim, ran } = withEvents(5);
    sim.runUntil(35);
    expect(ran).toEqual([10, 20, 30]);
    expect(sim.now).toBe(35);
    expect(sim.peekNextTime()).toBe(40);
  });

  test('runUntil over its cap throws (cap + 1) and keeps the next due event queued', () => {
    const { sim, ran } = withEvents(5);
    expect(() => sim.runUntil(100, 3)).toThrow(WorkCapExceeded);
    expect(ran).toEqual([10, 20, 30]);
    expect(sim.peekNextTime()).toBe(40);
    const { sim: again } = withEvents(5);
    let err: unknown;
    try {
      again.runUntil(100, 2);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WorkCapExceeded);
    expect((err as WorkCapExceeded).events).toBe(3);
    // Exactly the cap's worth due: no throw.
    const { sim: exact, ran: all } = withEvents(3);
    exact.runUntil(100, 3);
    expect(all).toEqual([10, 20, 30]);
  });

  test('runWhile stops when done, at the deadline, or over its cap', () => {
    const { sim, ran } = withEvents(5);
    expect(sim.runWhile(() => ran.length === 2, 1000)).toBe(true);
    expect(sim.now).toBe(20);
    expect(sim.runWhile(() => false, 45)).toBe(false);
    expect(ran).toEqual([10, 20, 30, 40]);
    expect(sim.now).toBe(45);
    expect(() => sim.runWhile(() => false, 1000, 0)).toThrow(WorkCapExceeded);
    expect(sim.peekNextTime()).toBe(50);
  });
});

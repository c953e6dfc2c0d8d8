/**
 * The queue's slot table: a slot given back is taken again, and a cancel naming an event's old slot
 * (it ran, or was cancelled, and the slot now holds another event) reaches nothing.
 */
import { describe, expect, test } from 'vitest';
import { QueueSlots } from './queueSlots';

describe('QueueSlots', () => {
  test('slots are reused last freed first, and keep their due time and in-flight mark', () => {
    const t = new QueueSlots<object>();
    const a = {};
    const b = {};
    const sa = t.take(a, 10, false);
    const sb = t.take(b, 20, true);
    expect([sa, sb]).toEqual([0, 1]);
    expect([t.due[sb], t.flight[sb], t.flight[sa]]).toEqual([20, 1, 0]);
    t.give(sa);
    const c = {};
    expect(t.take(c, 30, false)).toBe(sa);
    expect(t.size).toBe(2);
    expect(t.holds(c, sa)).toBe(true);
    // `a` named slot 0 when it was queued: it no longer holds it, and cancelling it spares `c`.
    expect(t.holds(a, sa)).toBe(false);
    t.cancel(a, sa);
    expect(t.evs[sa]).toBe(c);
    t.cancel(c, sa);
    expect(t.evs[sa]).toBeUndefined();
    expect(t.holds(c, sa)).toBe(false);
    expect(t.holds(b, -1)).toBe(false);
  });

  test('grows past its first room', () => {
    const t = new QueueSlots<object>();
    const evs = Array.from({ length: 300 }, () => ({}));
    evs.forEach((e, i) => expect(t.take(e, i, i % 2 === 0)).toBe(i));
    evs.forEach((e, i) => {
      expect(t.holds(e, i)).toBe(true);
      expect(t.due[i]).toBe(i);
      expect(t.flight[i]).toBe(i % 2 === 0 ? 1 : 0);
    });
    for (let i = 0; i < 300; i++) t.give(i);
    expect(t.take({}, 0, false)).toBe(299);
  });
});

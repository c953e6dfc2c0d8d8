import { describe, expect, test } from 'vitest';
import { packedDots } from './dotPainter';
import type { DotFrame } from './paintDots';

describe('the dots posted to the painting worker', () => {
  test('are the first `count` of each array, all in one buffer the next frame cannot overwrite', () => {
    const f: DotFrame = {
      w: 300,
      h: 200,
      dpr: 2,
      count: 3,
      xs: Float64Array.from([1.5, 2.5, 3.5, 99]),
      ys: Float64Array.from([10, 20, 30, 99]),
      slots: Int16Array.from([1, -1, 4, 9]),
      pickedSlots: Int16Array.from([1, 2, 4, 9]),
      map: { scale: 1, ox: 0, oy: 0 },
      fills: ['#111', '#222'],
      edge: '#fff',
      ring: '#000',
    };
    const p = packedDots(f);
    expect([...p.xs]).toEqual([1.5, 2.5, 3.5]);
    expect([...p.ys]).toEqual([10, 20, 30]);
    expect([...p.slots]).toEqual([1, -1, 4]);
    expect([...p.pickedSlots]).toEqual([1, 2, 4]);
    expect(new Set([p.xs.buffer, p.ys.buffer, p.slots.buffer, p.pickedSlots.buffer]).size).toBe(1);
    f.xs[0] = 7;
    f.slots[1] = 3;
    expect(p.xs[0]).toBe(1.5);
    expect(p.slots[1]).toBe(-1);
    expect([p.w, p.h, p.dpr, p.count, p.edge, p.ring]).toEqual([300, 200, 2, 3, '#fff', '#000']);
  });
});

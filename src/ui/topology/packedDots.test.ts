import { describe, expect, test } from 'vitest';
import { packedDots } from './dotPainter';
import type { DotFrame } from './paintDots';

describe('the dots posted to the painting worker', () => {
  test('are the first `count` of each array, all in one buffer that the next frame reuses', () => {
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
    expect([p.w, p.h, p.dpr, p.count, p.edge, p.ring]).toEqual([300, 200, 2, 3, '#fff', '#000']);
    // What postMessage sends: a copy, which the page's writes of the next frame leave alone.
    const sent = structuredClone(p);
    f.xs[0] = 7;
    f.slots[1] = 3;
    const q = packedDots(f, p.xs.buffer as ArrayBuffer);
    expect(q.xs.buffer).toBe(p.xs.buffer);
    expect([...q.xs]).toEqual([7, 2.5, 3.5]);
    expect([...q.slots]).toEqual([1, 3, 4]);
    expect([...sent.xs]).toEqual([1.5, 2.5, 3.5]);
    expect([...sent.slots]).toEqual([1, -1, 4]);
  });

  test('a buffer too small for the crowd is replaced by a larger one', () => {
    const n = 600;
    const f: DotFrame = {
      w: 300,
      h: 200,
      dpr: 1,
      count: n,
      xs: Float64Array.from({ length: n }, (_, i) => i),
      ys: Float64Array.from({ length: n }, (_, i) => -i),
      slots: new Int16Array(n).fill(2),
      pickedSlots: new Int16Array(n).fill(3),
      map: { scale: 1, ox: 0, oy: 0 },
      fills: ['#111'],
      edge: '#fff',
      ring: '#000',
    };
    const small = new ArrayBuffer(100);
    const p = packedDots(f, small);
    expect(p.xs.buffer).not.toBe(small);
    expect(p.xs[n - 1]).toBe(n - 1);
    expect(p.ys[n - 1]).toBe(-(n - 1));
    expect(p.pickedSlots[n - 1]).toBe(3);
  });
});

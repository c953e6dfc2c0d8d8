import { describe, expect, test } from 'vitest';
import type { Hop } from '../model/frameHops';
import { dotFrameOf } from './drawFrames';
import type { DotStyle } from './drawFrames';
import { newFrameBuffer } from './frameBuffer';

const hop = (frame: string) => ({ frame }) as unknown as Hop;

describe('dotFrameOf', () => {
  test("each copy gets its connection's slot; the selected frame's copies are −1 and keep their own slot", () => {
    const b = newFrameBuffer(2);
    const hops = ['frm#1', 'frm#2', 'frm#3', 'frm#2'].map(hop);
    hops.forEach((h, i) => {
      if (b.count === b.xs.length) {
        const xs = new Float64Array(b.xs.length * 2);
        xs.set(b.xs);
        b.xs = xs;
        const ys = new Float64Array(b.ys.length * 2);
        ys.set(b.ys);
        b.ys = ys;
      }
      b.xs[i] = i * 10;
      b.ys[i] = i;
      b.hops[i] = h;
      b.count++;
    });
    const style: DotStyle = {
      fills: ['a', 'b', 'c', 'd'],
      slotOf: (h) => Number(h.frame.slice(4)),
      edge: 'e',
      ring: 'r',
      selected: 'frm#2',
    };
    const f = dotFrameOf(b, { scale: 1, ox: 0, oy: 0 }, { w: 100, h: 50, dpr: 2 }, style);
    expect(f.count).toBe(4);
    expect([...f.slots.subarray(0, 4)]).toEqual([1, -1, 3, -1]);
    expect([...f.pickedSlots.subarray(0, 4)]).toEqual([1, 2, 3, 2]);
    expect([...f.xs.subarray(0, 4)]).toEqual([0, 10, 20, 30]);
    expect(f).toMatchObject({ w: 100, h: 50, dpr: 2, edge: 'e', ring: 'r' });
  });
});

import { describe, expect, test } from 'vitest';
import type { Trace } from '../core/trace';
import { WireFrames } from './wireFrames';

/** A trace that keeps full detail from `first` on, as a bounded one does; every event is a frame's. */
class BoundedTrace {
  length = 0;
  first = 0;
  constructor(private readonly keep: number) {}
  push(): void {
    this.length++;
    this.first = Math.max(0, this.length - this.keep);
  }
  at(i: number): unknown {
    if (i < this.first || i >= this.length) return undefined;
    return { kind: 'frame.tx', t: i, frame: `frm#${i}`, segment: 's', host: 'h', dev: 'd', eth: {} };
  }
}

function run(keep: number, frames: number): { trace: BoundedTrace; wire: WireFrames } {
  const trace = new BoundedTrace(keep);
  const wire = new WireFrames(trace as unknown as Trace);
  for (let i = 0; i < frames; i++) {
    // Another event between frames, so positions and frame numbers differ.
    trace.push();
    wire.noteNext();
    trace.push();
  }
  return { trace, wire };
}

describe('WireFrames', () => {
  test('with a bounded trace the positions held stay bounded, and frames keep their numbers', () => {
    const { wire } = run(1000, 100_000);
    expect(wire.length).toBe(100_000);
    // 500 frames in the kept detail; the buffer holds at most about twice that.
    expect(wire.held).toBeLessThanOrEqual(2048);
    expect(wire.held).toBeGreaterThanOrEqual(500);
    expect(wire.at(-1)?.id).toBe(`frm#${2 * 99_999 + 1}`);
    expect(wire.at(99_999)?.id).toBe(`frm#${2 * 99_999 + 1}`);
    expect(wire.at(99_500)?.id).toBe(`frm#${2 * 99_500 + 1}`);
    // Let go (the trace no longer has them): gone, as before.
    expect(wire.at(0)).toBeUndefined();
    expect(wire.at(-100_000)).toBeUndefined();
    expect(wire.at(100_000)).toBeUndefined();
    const ids = [...wire].map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(500);
    expect(ids.at(-1)).toBe(`frm#${2 * 99_999 + 1}`);
    // In order and consecutive: nothing lost from the kept span.
    const nums = ids.map((s) => Number(s.slice(4)));
    expect(nums.every((n, i) => i === 0 || n === nums[i - 1]! + 2)).toBe(true);
  });

  test('with an unbounded trace every frame is held and readable', () => {
    const { wire } = run(Infinity, 5000);
    expect(wire.held).toBe(5000);
    expect(wire.at(0)?.id).toBe('frm#1');
    expect(wire.at(4999)?.id).toBe(`frm#${2 * 4999 + 1}`);
    expect([...wire].length).toBe(5000);
  });
});

// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { painterOf } from './dotPainter';
import type { DotFrame } from './paintDots';

/** A worker that never loads its module: it takes messages and, when told, fires `error`. */
class FakeWorker extends EventTarget {
  posted: unknown[] = [];
  terminated = false;
  postMessage(m: unknown) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
}
const made: FakeWorker[] = [];
vi.mock('@/ui/topology/frameCanvasWorkerFactory', () => ({
  createFrameCanvasWorker: () => {
    const w = new FakeWorker();
    made.push(w);
    return w;
  },
}));

function canvas() {
  const c = document.createElement('canvas');
  const transfer = vi.fn(() => ({}));
  Object.assign(c, { transferControlToOffscreen: transfer });
  return { c, transfer };
}

const frame: DotFrame = {
  w: 10,
  h: 10,
  dpr: 1,
  count: 1,
  xs: new Float64Array([1]),
  ys: new Float64Array([1]),
  slots: new Int16Array([0]),
  pickedSlots: new Int16Array([0]),
  map: { scale: 1, ox: 0, oy: 0 },
  fills: ['red'],
  edge: 'white',
  ring: 'black',
};

describe('a frame canvas worker that fails after taking the canvas', () => {
  test('asks for a new canvas once, and every canvas after it is painted in the page', () => {
    vi.stubGlobal('Worker', FakeWorker);
    // jsdom has no 2D context: a stand-in that takes every call.
    const ctx = new Proxy({}, { get: () => () => {} });
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
    const first = canvas();
    const lost = vi.fn();
    const p = painterOf(first.c, lost)!;
    expect(first.transfer).toHaveBeenCalledOnce();
    expect(first.c.dataset.painter).toBe('worker');
    p.paint(frame);
    expect(made[0]!.posted).toHaveLength(2);

    // The module failed to load: an error event on the worker (not on the page).
    made[0]!.dispatchEvent(new Event('error'));
    made[0]!.dispatchEvent(new Event('error'));
    expect(lost).toHaveBeenCalledOnce();
    expect(made[0]!.terminated).toBe(true);
    p.paint(frame);
    expect(made[0]!.posted).toHaveLength(2);

    // The fresh canvas the caller puts in its place is not handed to a worker: the page paints it.
    const second = canvas();
    const q = painterOf(second.c, lost);
    expect(q).toBeDefined();
    expect(second.transfer).not.toHaveBeenCalled();
    expect(made).toHaveLength(1);
    expect(second.c.dataset.painter).toBe('page');
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
});

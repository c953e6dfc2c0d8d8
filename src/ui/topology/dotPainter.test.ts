// @vitest-environment jsdom
import { describe, expect, test, vi } from 'vitest';
import { painterOf } from './dotPainter';

vi.mock('@/ui/topology/frameCanvasWorkerFactory', () => ({
  createFrameCanvasWorker: () => {
    throw new DOMException('worker-src forbids it', 'SecurityError');
  },
}));

describe('the frame canvas painter', () => {
  test('a page that may not start the worker keeps its canvas and paints in the page', () => {
    const c = document.createElement('canvas');
    const transfer = vi.fn();
    Object.assign(c, { transferControlToOffscreen: transfer });
    vi.stubGlobal('Worker', function Worker() {});
    expect(() => painterOf(c)).not.toThrow();
    // The canvas was not handed over: the page can still draw on it.
    expect(transfer).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

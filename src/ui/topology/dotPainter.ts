import { createFrameCanvasWorker } from '@/ui/topology/frameCanvasWorkerFactory';
import type { DotPainterMessage, DotPainterReply } from './frameCanvasWorker';
import { fitCanvas, paintDots } from './paintDots';
import type { DotFrame } from './paintDots';

/** Paints one instant's dots on a canvas, in the page or in a worker that owns the canvas. */
export interface DotPainter {
  paint(f: DotFrame): void;
  dispose(): void;
}

function inPage(c: HTMLCanvasElement): DotPainter | undefined {
  const ctx = c.getContext('2d');
  if (!ctx) return undefined;
  c.dataset.painter = 'page';
  return {
    paint(f) {
      fitCanvas(c, f);
      paintDots(ctx, f);
    },
    dispose() {},
  };
}

/**
 * A worker failed once (its module did not load, or it could not draw): every canvas after it is
 * painted in the page, without trying again.
 */
let workerFailed = false;

/**
 * The frame's `count` dots copied into one buffer (the four arrays are views of it), reused from
 * one animation frame to the next: `into` is the buffer of the previous call, grown when too
 * small. It is posted without a transfer list, so postMessage copies it and the page keeps it: a
 * new ArrayBuffer per frame, handed over, left a detached buffer and its backing-store record per
 * frame for the page's garbage collector (issue 10). Copying ~10 KB costs less than allocating.
 */
export function packedDots(f: DotFrame, into?: ArrayBuffer): DotFrame {
  const n = f.count;
  const buffer = into && into.byteLength >= n * 20 ? into : new ArrayBuffer(Math.max(n * 20 * 2, 256 * 20));
  const xs = new Float64Array(buffer, 0, n);
  const ys = new Float64Array(buffer, n * 8, n);
  const slots = new Int16Array(buffer, n * 16, n);
  const pickedSlots = new Int16Array(buffer, n * 18, n);
  xs.set(f.xs.subarray(0, n));
  ys.set(f.ys.subarray(0, n));
  slots.set(f.slots.subarray(0, n));
  pickedSlots.set(f.pickedSlots.subarray(0, n));
  return { ...f, xs, ys, slots, pickedSlots };
}

/**
 * The dots copied out of the page's reused arrays (they are overwritten next frame) and posted
 * as a copy.
 * The canvas is handed over before the worker has loaded its module: should it fail to load (an
 * error event on the worker) or to draw (its reply), the canvas can no longer be drawn on here,
 * so `lost` asks for a fresh element, which the page then paints.
 */
function inWorker(c: HTMLCanvasElement, worker: Worker, lost: () => void): DotPainter {
  const offscreen = c.transferControlToOffscreen();
  worker.postMessage({ canvas: offscreen } satisfies DotPainterMessage, [offscreen]);
  c.dataset.painter = 'worker';
  let dead = false;
  // The page's copy of the dots, reused every frame (packedDots); the worker gets a clone.
  let packed: ArrayBuffer | undefined;
  const fail = () => {
    if (dead) return;
    dead = true;
    workerFailed = true;
    worker.terminate();
    lost();
  };
  worker.addEventListener('error', fail);
  worker.addEventListener('messageerror', fail);
  worker.addEventListener('message', (e: MessageEvent<DotPainterReply>) => {
    if (e.data?.failed) fail();
  });
  return {
    paint(f) {
      if (dead) return;
      const frame = packedDots(f, packed);
      packed = frame.xs.buffer as ArrayBuffer;
      worker.postMessage({ frame } satisfies DotPainterMessage);
    },
    dispose() {
      dead = true;
      worker.terminate();
    },
  };
}

const painters = new WeakMap<HTMLCanvasElement, DotPainter | null>();

/**
 * The canvas's painter, made on first use and kept for the element's life: a canvas handed to a
 * worker cannot be handed over again (React's strict mode mounts effects twice), nor drawn here.
 * The crowd's raster and the canvas's commit cost the page's main thread ~1–3 ms per animation
 * frame with hundreds of dots; a worker that owns the canvas takes them off it. Without workers
 * or OffscreenCanvas (the single-file build, tests) the page paints. `lost` is called, once, if
 * the worker fails after it was handed the canvas: the caller then puts a new canvas element in
 * this one's place (its painter will be the page).
 */
export function painterOf(c: HTMLCanvasElement, lost: () => void = () => {}): DotPainter | undefined {
  let p = painters.get(c);
  if (p !== undefined) return p ?? undefined;
  const worker =
    !workerFailed && typeof c.transferControlToOffscreen === 'function' && typeof Worker === 'function'
      ? tryWorker()
      : undefined;
  p = (worker ? inWorker(c, worker, lost) : inPage(c)) ?? null;
  painters.set(c, p);
  return p ?? undefined;
}

/** A page whose policy forbids workers (CSP `worker-src`) throws here: it paints in the page then. */
function tryWorker(): Worker | undefined {
  try {
    return createFrameCanvasWorker();
  } catch {
    return undefined;
  }
}

/** Let the painter go once its canvas has left the page (not when strict mode remounts it). */
export function releasePainter(c: HTMLCanvasElement): void {
  setTimeout(() => {
    if (c.isConnected) return;
    painters.get(c)?.dispose();
    painters.delete(c);
  }, 0);
}

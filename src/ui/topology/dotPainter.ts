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
 * The dots copied out of the page's reused arrays (they are overwritten next frame) and posted.
 * The canvas is handed over before the worker has loaded its module: should it fail to load (an
 * error event on the worker) or to draw (its reply), the canvas can no longer be drawn on here,
 * so `lost` asks for a fresh element, which the page then paints.
 */
function inWorker(c: HTMLCanvasElement, worker: Worker, lost: () => void): DotPainter {
  const offscreen = c.transferControlToOffscreen();
  worker.postMessage({ canvas: offscreen } satisfies DotPainterMessage, [offscreen]);
  c.dataset.painter = 'worker';
  let dead = false;
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
      const n = f.count;
      const xs = f.xs.slice(0, n);
      const ys = f.ys.slice(0, n);
      const slots = f.slots.slice(0, n);
      const pickedSlots = f.pickedSlots.slice(0, n);
      const frame: DotFrame = { ...f, xs, ys, slots, pickedSlots };
      worker.postMessage({ frame } satisfies DotPainterMessage, [
        xs.buffer,
        ys.buffer,
        slots.buffer,
        pickedSlots.buffer,
      ]);
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

import { createFrameCanvasWorker } from '@/ui/topology/frameCanvasWorkerFactory';
import type { DotPainterMessage } from './frameCanvasWorker';
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
  return {
    paint(f) {
      fitCanvas(c, f);
      paintDots(ctx, f);
    },
    dispose() {},
  };
}

/** The dots copied out of the page's reused arrays (they are overwritten next frame) and posted. */
function inWorker(c: HTMLCanvasElement, worker: Worker): DotPainter {
  const offscreen = c.transferControlToOffscreen();
  worker.postMessage({ canvas: offscreen } satisfies DotPainterMessage, [offscreen]);
  return {
    paint(f) {
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
 * or OffscreenCanvas (the single-file build, tests) the page paints.
 */
export function painterOf(c: HTMLCanvasElement): DotPainter | undefined {
  let p = painters.get(c);
  if (p !== undefined) return p ?? undefined;
  const worker =
    typeof c.transferControlToOffscreen === 'function' && typeof Worker === 'function'
      ? tryWorker()
      : undefined;
  p = (worker ? inWorker(c, worker) : inPage(c)) ?? null;
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

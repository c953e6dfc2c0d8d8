/**
 * Paints the crowd of frames on an OffscreenCanvas handed over by the page (dotPainter.ts): the
 * raster and the canvas's commit to the compositor then cost this thread, not the page's main
 * thread, which only places the dots and posts them. Of several instants posted within one
 * frame only the last is painted.
 */
import { fitCanvas, paintDots } from './paintDots';
import type { DotFrame } from './paintDots';

export type DotPainterMessage = { canvas: OffscreenCanvas } | { frame: DotFrame };
/** What the worker says back: only that it cannot draw (the page then paints a canvas of its own). */
export interface DotPainterReply {
  failed?: true;
}

interface Scope {
  postMessage(m: DotPainterReply): void;
  onmessage: ((e: MessageEvent<DotPainterMessage>) => void) | null;
  requestAnimationFrame?: (cb: () => void) => number;
}
const scope = globalThis as unknown as Scope;
let canvas: OffscreenCanvas | undefined;
let ctx: OffscreenCanvasRenderingContext2D | null = null;
let next: DotFrame | undefined;
let queued = false;

function paint(): void {
  queued = false;
  const f = next;
  next = undefined;
  if (!f || !canvas || !ctx) return;
  fitCanvas(canvas, f);
  paintDots(ctx, f);
}

scope.onmessage = (e) => {
  const m = e.data;
  if ('canvas' in m) {
    canvas = m.canvas;
    ctx = canvas.getContext('2d');
    if (!ctx) scope.postMessage({ failed: true });
    return;
  }
  next = m.frame;
  if (queued) return;
  queued = true;
  if (scope.requestAnimationFrame) scope.requestAnimationFrame(paint);
  else paint();
};

import type { ViewMap } from './canvasView';

/** What a painter needs to draw one instant's dots: plain numbers and strings (a worker can take them). */
export interface DotFrame {
  /** The canvas's CSS size and device pixel ratio. */
  w: number;
  h: number;
  dpr: number;
  count: number;
  /** Layout coordinates of each copy (count entries are read). */
  xs: Float64Array;
  ys: Float64Array;
  /** Each copy's colour slot, an index into fills; −1: the selected frame, drawn last and ringed. */
  slots: Int16Array;
  /** The selected copies' own colour slot (read where slots is −1). */
  pickedSlots: Int16Array;
  map: ViewMap;
  fills: readonly string[];
  /** The outline of every dot (the panel colour) and the ring of the selected frame. */
  edge: string;
  ring: string;
}

/** Size the canvas's bitmap for the frame: each assignment reallocates (and clears) it, so only what changed. */
export function fitCanvas(c: { width: number; height: number }, f: Pick<DotFrame, 'w' | 'h' | 'dpr'>): void {
  const w = Math.round(f.w * f.dpr);
  const h = Math.round(f.h * f.dpr);
  if (c.width !== w) c.width = w;
  if (c.height !== h) c.height = h;
}

const R = 6;
const R_SELECTED = 8;

/**
 * The dots on a 2D canvas, one path per colour so a crowd of hundreds is a handful of fills, and
 * nothing allocated. The same sizes as the SVG dots (r 6, selected r 8 with a 3-unit ring).
 */
export function paintDots(
  ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D,
  f: DotFrame,
): void {
  const { map: m, count } = f;
  ctx.setTransform(f.dpr, 0, 0, f.dpr, 0, 0);
  ctx.clearRect(0, 0, f.w, f.h);
  if (count === 0) return;
  const r = R * m.scale;
  ctx.lineWidth = 1.5 * m.scale;
  ctx.strokeStyle = f.edge;
  let picked = false;
  for (let i = 0; i < count && !picked; i++) picked = f.slots[i] === -1;
  for (let slot = 0; slot < f.fills.length; slot++) {
    let any = false;
    for (let i = 0; i < count; i++) {
      if (f.slots[i] !== slot) continue;
      if (!any) ctx.beginPath();
      any = true;
      const x = m.ox + m.scale * f.xs[i]!;
      const y = m.oy + m.scale * f.ys[i]!;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    if (!any) continue;
    ctx.fillStyle = f.fills[slot]!;
    ctx.fill();
    ctx.stroke();
  }
  if (!picked) return;
  // The selected frame on top of the crowd, larger and ringed.
  ctx.lineWidth = 3 * m.scale;
  ctx.strokeStyle = f.ring;
  for (let i = 0; i < count; i++) {
    if (f.slots[i] !== -1) continue;
    ctx.beginPath();
    ctx.arc(m.ox + m.scale * f.xs[i]!, m.oy + m.scale * f.ys[i]!, R_SELECTED * m.scale, 0, 2 * Math.PI);
    ctx.fillStyle = f.fills[f.pickedSlots[i]!]!;
    ctx.fill();
    ctx.stroke();
  }
}

import type { Hop } from '../model/frameHops';
import type { ViewMap } from './canvasView';
import type { FrameBuffer } from './frameBuffer';

export interface DotStyle {
  /** The fill of each colour slot (already resolved from any CSS variable). */
  fills: readonly string[];
  /** A copy's colour slot: an index into fills (its connection's colour). */
  slotOf(hop: Hop): number;
  /** The outline of every dot (the panel colour) and the ring of the selected frame. */
  edge: string;
  ring: string;
  selected: string | null;
}

const R = 6;
const R_SELECTED = 8;
/** Each copy's colour slot for this frame, reused (−1: the selected frame, drawn last). */
let slots = new Int16Array(256);

/**
 * Dense frames as dots on a 2D canvas, one path per colour so a crowd of hundreds is a handful
 * of fills, and nothing allocated per frame. The same sizes as the SVG dots (r 6, selected r 8
 * with a 3-unit ring).
 */
export function drawFrames(
  ctx: CanvasRenderingContext2D,
  b: FrameBuffer,
  m: ViewMap,
  size: { w: number; h: number; dpr: number },
  style: DotStyle,
): void {
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
  ctx.clearRect(0, 0, size.w, size.h);
  if (b.count === 0) return;
  if (slots.length < b.count) slots = new Int16Array(b.xs.length);
  let picked = false;
  for (let i = 0; i < b.count; i++) {
    const hop = b.hops[i]!;
    slots[i] = hop.frame === style.selected ? -1 : style.slotOf(hop);
    picked ||= slots[i] === -1;
  }
  const r = R * m.scale;
  ctx.lineWidth = 1.5 * m.scale;
  ctx.strokeStyle = style.edge;
  for (let slot = 0; slot < style.fills.length; slot++) {
    let any = false;
    for (let i = 0; i < b.count; i++) {
      if (slots[i] !== slot) continue;
      if (!any) ctx.beginPath();
      any = true;
      const x = m.ox + m.scale * b.xs[i]!;
      const y = m.oy + m.scale * b.ys[i]!;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    if (!any) continue;
    ctx.fillStyle = style.fills[slot]!;
    ctx.fill();
    ctx.stroke();
  }
  if (!picked) return;
  // The selected frame on top of the crowd, larger and ringed.
  ctx.lineWidth = 3 * m.scale;
  ctx.strokeStyle = style.ring;
  for (let i = 0; i < b.count; i++) {
    if (slots[i] !== -1) continue;
    ctx.beginPath();
    ctx.arc(m.ox + m.scale * b.xs[i]!, m.oy + m.scale * b.ys[i]!, R_SELECTED * m.scale, 0, 2 * Math.PI);
    ctx.fillStyle = style.fills[style.slotOf(b.hops[i]!)]!;
    ctx.fill();
    ctx.stroke();
  }
}

import type { FrameSprite } from './frameSprites';
import type { ViewMap } from './canvasView';

export interface DotStyle {
  /** Fill of a sprite (its connection's colour, already resolved from any CSS variable). */
  colourOf(s: FrameSprite): string;
  /** The outline of every dot (the panel colour) and the ring of the selected frame. */
  edge: string;
  ring: string;
  selected: string | null;
}

const R = 6;
const R_SELECTED = 8;

/**
 * Dense frames as dots on a 2D canvas, grouped by colour so a crowd of hundreds is a handful
 * of paths. The same sizes as the SVG dots (r 6, selected r 8 with a 3-unit ring).
 */
export function drawFrames(
  ctx: CanvasRenderingContext2D,
  sprites: readonly FrameSprite[],
  m: ViewMap,
  size: { w: number; h: number; dpr: number },
  style: DotStyle,
): void {
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
  ctx.clearRect(0, 0, size.w, size.h);
  if (sprites.length === 0) return;
  const groups = new Map<string, FrameSprite[]>();
  const picked: FrameSprite[] = [];
  for (const s of sprites) {
    if (s.hop.frame === style.selected) {
      picked.push(s);
      continue;
    }
    const c = style.colourOf(s);
    const g = groups.get(c);
    if (g) g.push(s);
    else groups.set(c, [s]);
  }
  const r = R * m.scale;
  ctx.lineWidth = 1.5 * m.scale;
  ctx.strokeStyle = style.edge;
  for (const [colour, list] of groups) {
    ctx.beginPath();
    for (const s of list) {
      const x = m.ox + m.scale * s.x;
      const y = m.oy + m.scale * s.y;
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = colour;
    ctx.fill();
    ctx.stroke();
  }
  // The selected frame on top of the crowd, larger and ringed.
  ctx.lineWidth = 3 * m.scale;
  ctx.strokeStyle = style.ring;
  for (const s of picked) {
    const x = m.ox + m.scale * s.x;
    const y = m.oy + m.scale * s.y;
    ctx.beginPath();
    ctx.arc(x, y, R_SELECTED * m.scale, 0, 2 * Math.PI);
    ctx.fillStyle = style.colourOf(s);
    ctx.fill();
    ctx.stroke();
  }
}

/** The pan/zoom transform d3-zoom hands the topology (in viewBox units). */
export interface ZoomTf {
  x: number;
  y: number;
  k: number;
}

/** Layout → CSS pixels of the element: the viewBox's "xMidYMid meet" fit, then the pan/zoom. */
export interface ViewMap {
  scale: number;
  ox: number;
  oy: number;
}

/** The map an `<svg viewBox="0 0 w h" preserveAspectRatio="xMidYMid meet">` of css size cw×ch applies. */
export function viewMap(cw: number, ch: number, w: number, h: number, tf: ZoomTf): ViewMap {
  const s = w > 0 && h > 0 ? Math.min(cw / w, ch / h) : 1;
  const fx = (cw - w * s) / 2;
  const fy = (ch - h * s) / 2;
  return { scale: s * tf.k, ox: fx + s * tf.x, oy: fy + s * tf.y };
}

/** A layout point on screen (CSS pixels from the element's top left). */
export function toScreen(m: ViewMap, x: number, y: number): { x: number; y: number } {
  return { x: m.ox + m.scale * x, y: m.oy + m.scale * y };
}

/** A screen point back in layout coordinates. */
export function toLayout(m: ViewMap, px: number, py: number): { x: number; y: number } {
  return { x: (px - m.ox) / m.scale, y: (py - m.oy) / m.scale };
}

import type { Hop } from '../model/frameHops';
import type { ViewMap } from './canvasView';
import type { FrameBuffer } from './frameBuffer';
import type { DotFrame } from './paintDots';

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

/** Each copy's colour slot and the selected copies' own slot, reused from frame to frame. */
let slots = new Int16Array(256);
let pickedSlots = new Int16Array(256);

/**
 * The dots of a frame buffer as paintDots takes them: each copy's colour slot worked out here
 * (it needs the hops, which stay in the page), into arrays reused from one animation frame to the
 * next. Read it at once: the next call overwrites it.
 */
export function dotFrameOf(
  b: FrameBuffer,
  map: ViewMap,
  size: { w: number; h: number; dpr: number },
  style: DotStyle,
): DotFrame {
  if (slots.length < b.count) {
    slots = new Int16Array(b.xs.length);
    pickedSlots = new Int16Array(b.xs.length);
  }
  for (let i = 0; i < b.count; i++) {
    const hop = b.hops[i]!;
    const own = style.slotOf(hop);
    const picked = hop.frame === style.selected;
    slots[i] = picked ? -1 : own;
    pickedSlots[i] = own;
  }
  return {
    ...size,
    count: b.count,
    xs: b.xs,
    ys: b.ys,
    slots,
    pickedSlots,
    map,
    fills: style.fills,
    edge: style.edge,
    ring: style.ring,
  };
}

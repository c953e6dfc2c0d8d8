import type { Point } from '../layout/topologyLayout';
import type { Hop, HopIndex } from '../model/frameHops';
import { lowerBoundT0 } from '../model/frameHops';
import type { LegPath } from './hopPaths';

/**
 * Every frame copy on the wire at one instant, written into arrays that are reused from one
 * animation frame to the next: the canvas layer places and draws a crowd of hundreds per frame
 * without allocating (framePicture's objects, one per copy, fed the garbage collector).
 */
export interface FrameBuffer {
  /** Copies placed: entries past it are left over from an earlier instant. */
  count: number;
  xs: Float64Array;
  ys: Float64Array;
  hops: Hop[];
  /** Segments a broadcast is being flooded on. */
  flooding: string[];
}

export function newFrameBuffer(capacity = 256): FrameBuffer {
  return { count: 0, xs: new Float64Array(capacity), ys: new Float64Array(capacity), hops: [], flooding: [] };
}

function grow(b: FrameBuffer): void {
  const xs = new Float64Array(b.xs.length * 2);
  const ys = new Float64Array(b.ys.length * 2);
  xs.set(b.xs);
  ys.set(b.ys);
  b.xs = xs;
  b.ys = ys;
}

/** Write the point at fraction f of the polyline points[from…to) (pathMath's pointAlong, in place). */
function along(points: readonly Point[], from: number, to: number, f: number, b: FrameBuffer): void {
  const i = b.count;
  const first = points[from]!;
  if (to - from === 1 || f <= 0) {
    b.xs[i] = first.x;
    b.ys[i] = first.y;
    return;
  }
  let total = 0;
  for (let k = from + 1; k < to; k++)
    total += Math.hypot(points[k]!.x - points[k - 1]!.x, points[k]!.y - points[k - 1]!.y);
  let left = Math.min(1, f) * total;
  for (let k = from + 1; k < to; k++) {
    const a = points[k - 1]!;
    const c = points[k]!;
    const d = Math.hypot(c.x - a.x, c.y - a.y);
    if (left <= d && d > 0) {
      const q = left / d;
      b.xs[i] = a.x + (c.x - a.x) * q;
      b.ys[i] = a.y + (c.y - a.y) * q;
      return;
    }
    left -= d;
  }
  b.xs[i] = points[to - 1]!.x;
  b.ys[i] = points[to - 1]!.y;
}

/** One copy of `hop` at `progress` along its wire (pathMath's hopPosition: to the switch, then on). */
function put(b: FrameBuffer, hop: Hop, points: readonly Point[], progress: number): void {
  if (b.count === b.xs.length) grow(b);
  if (points.length < 2) {
    b.xs[b.count] = points[0]?.x ?? 0;
    b.ys[b.count] = points[0]?.y ?? 0;
  } else if (progress <= 0.5) along(points, 0, 2, progress * 2, b);
  else along(points, 1, points.length, (progress - 0.5) * 2, b);
  b.hops[b.count++] = hop;
}

/** A leg still travelling: not yet applied at the cursor, or not yet arrived at time t. */
const travelling = (hop: Hop, k: number, t: number, cursor: number) =>
  hop.rx[k]!.seq >= cursor || t < hop.rx[k]!.t;

/**
 * The same picture as framePicture (sprites in the same order, at the same places) for sim time
 * `t` with the first `cursor` events applied, written into `b`.
 */
export function placeFrames(
  index: HopIndex,
  paths: (hop: Hop) => LegPath[],
  t: number,
  cursor: number,
  b: FrameBuffer,
): void {
  b.count = 0;
  b.flooding.length = 0;
  const { hops } = index;
  for (let i = lowerBoundT0(hops, t - index.maxSpan); i < hops.length; i++) {
    const hop = hops[i]!;
    if (hop.t0 > t || hop.seq >= cursor) break;
    const span = hop.t1 - hop.t0;
    const progress = span > 0 ? Math.min(1, Math.max(0, (t - hop.t0) / span)) : 1;
    let first = -1;
    if (hop.rx.length === 0) {
      if (t >= hop.t1) continue;
    } else {
      for (let k = 0; k < hop.rx.length && first < 0; k++) if (travelling(hop, k, t, cursor)) first = k;
      if (first < 0) continue;
    }
    if (hop.eth.dst === 'ff:ff:ff:ff:ff:ff' && !b.flooding.includes(hop.segment))
      b.flooding.push(hop.segment);
    const legs = paths(hop);
    if (progress <= 0.5 || first < 0) {
      const p = legs[first < 0 ? 0 : first] ?? legs[0];
      if (p) put(b, hop, p.points, progress);
      continue;
    }
    for (let k = first; k < hop.rx.length; k++) {
      const p = legs[k];
      if (p?.leg === k && travelling(hop, k, t, cursor)) put(b, hop, p.points, progress);
    }
  }
}

/**
 * The copy drawn under a point of the layout: the nearest centre within `radius` (layout units),
 * the later-drawn one on a tie, as the eye sees the one on top. Its index, or −1.
 */
export function copyAt(
  b: Pick<FrameBuffer, 'count' | 'xs' | 'ys'>,
  x: number,
  y: number,
  radius: number,
): number {
  let best = -1;
  let bestD = radius * radius;
  for (let i = 0; i < b.count; i++) {
    const d = (b.xs[i]! - x) ** 2 + (b.ys[i]! - y) ** 2;
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

import type { Point } from './topologyLayout';

function dist(a: Point, b: Point): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

/** The point at fraction `f` (0…1) of a polyline's length. */
export function pointAlong(points: readonly Point[], f: number): Point {
  if (points.length === 0) return { x: 0, y: 0 };
  if (points.length === 1 || f <= 0) return points[0]!;
  let total = 0;
  for (let i = 1; i < points.length; i++) total += dist(points[i - 1]!, points[i]!);
  let left = Math.min(1, f) * total;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const d = dist(a, b);
    if (left <= d && d > 0) {
      const k = left / d;
      return { x: a.x + (b.x - a.x) * k, y: a.y + (b.y - a.y) * k };
    }
    left -= d;
  }
  return points[points.length - 1]!;
}

/**
 * Where a frame is on its way from `from` over the switch to `to`: the first half of the hop's
 * time reaches the switch port, the second half runs along the bus to the receiver, so the
 * copies of a flooded frame share the first half and fan out in the second.
 */
export function hopPosition(path: readonly Point[], progress: number): Point {
  if (path.length < 2) return path[0] ?? { x: 0, y: 0 };
  if (progress <= 0.5) return pointAlong(path.slice(0, 2), progress * 2);
  return pointAlong(path.slice(1), (progress - 0.5) * 2);
}

export function polylineD(points: readonly Point[]): string {
  return points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join('');
}

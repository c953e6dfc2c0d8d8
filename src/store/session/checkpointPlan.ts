/**
 * Where spare runtimes are worth keeping along a lab's log. A fork replays from the nearest
 * one at or before the point it keeps, so what matters is the work between two of them: that is
 * measured in trace events (a loop of 100 requests is as much work as 100 single requests), with
 * a little for each command too (many quick commands add up).
 */

/** A log as the planner sees it: the trace length after the lab's setup and after each entry. */
export interface LogShape {
  /** Trace length after the lab's configured steps (where entry 0 starts). */
  start: number;
  /** ends[i]: trace length after the first i + 1 entries. */
  ends: readonly number[];
}

/** Work between two grid points, in trace events (a request through NAT is about 150). */
export const CHECKPOINT_COST = 4096;
/** The work one log entry counts for besides its events (starting it, its prompt). */
export const ENTRY_COST = 128;
/** Spares kept at most, besides the one at 0. */
export const MAX_SPARES = 8;
/** Trace events the spares may hold together (each holds its whole prefix); the newest is always kept. */
export const SPARE_EVENTS = 400_000;

/** Log lengths where the cost from the start crosses the next multiple of CHECKPOINT_COST. */
function grid({ start, ends }: LogShape): number[] {
  const cost = (p: number) => (p === 0 ? 0 : ends[p - 1]! - start + p * ENTRY_COST);
  const out: number[] = [];
  for (let p = 1; p < ends.length; p++)
    if (Math.floor(cost(p) / CHECKPOINT_COST) > Math.floor(cost(p - 1) / CHECKPOINT_COST)) out.push(p);
  return out;
}

/**
 * The checkpoints for a log, newest first: 0 (a lab just set up: making one is a lab's start,
 * most of a frame), the newest grid point below the log's end, and older grid points spread
 * evenly, at most MAX_SPARES and SPARE_EVENTS in all. A grid point depends only on the log
 * before it, so the checkpoints move only now and then as the log grows.
 */
export function checkpointsFor(shape: LogShape): number[] {
  const n = shape.ends.length;
  if (n === 0) return [];
  const g = grid(shape);
  const events = (p: number) => (p === 0 ? shape.start : shape.ends[p - 1]!);
  let picks: number[] = [];
  if (g.length > 0) {
    const newest = g[g.length - 1]!;
    for (let stride = Math.max(1, Math.ceil(g.length / MAX_SPARES)); stride <= g.length; stride++) {
      picks = [newest];
      for (let k = stride; k < g.length && picks.length < MAX_SPARES; k += stride) picks.push(g[k - 1]!);
      if (picks.reduce((sum, p) => sum + events(p), 0) <= SPARE_EVENTS) break;
    }
    if (picks.reduce((sum, p) => sum + events(p), 0) > SPARE_EVENTS) picks = [newest];
  }
  return [...new Set([...picks, 0])].sort((a, b) => b - a);
}

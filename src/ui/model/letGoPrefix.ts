import type { TraceLog } from '@/engine';

/** A trace that replaced another when a long session let go of old detail. */
export interface LetGo {
  /** The trace it replaced: from `first` on, the same events at the same positions. */
  base: TraceLog;
  /** The first event kept in full detail now: whatever came before it is gone. */
  first: number;
}

/**
 * What a trace says it replaced when the page let go of old detail (the session mirror's
 * `letGoFrom`): a view keyed by the trace moves its state over from the base's, dropping what it
 * held of the events before `first`, instead of folding every kept event again (a task of
 * 60–180 ms at 16k–100k events, far more at the default bound).
 */
export function letGoOf(trace: TraceLog): LetGo | undefined {
  const base = (trace as { letGoFrom?: TraceLog }).letGoFrom;
  return base ? { base, first: trace.first ?? 0 } : undefined;
}

/** How many of `xs` (ascending by `key`) come before `n`. */
export function countBelow<T>(xs: readonly T[], n: number, key: (x: T) => number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(xs[mid]!) < n) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

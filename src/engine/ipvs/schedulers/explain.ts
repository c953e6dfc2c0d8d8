import type { Dest, Explanation, SchedContext } from '../types';
import { RecordedExplanation } from './recordedExplanation';
import { Recording } from './recording';
import type { ExplainKind } from './recording';

export type { Judge, Params, Recorded } from './recordedExplanation';
export { RecordedExplanation } from './recordedExplanation';
export { explainKind, NO_PARAMS, paramShape, Recording } from './recording';
export type { ExplainKind, ParamShape } from './recording';

/**
 * Start explaining the decision just made; finish with `.with(shape, …)` for its parameters and
 * `.done(ctx.lazyExplain)`. On the engine's real path the context's reusable Recording is filled
 * (the trace packs it, nothing is allocated); elsewhere a fresh one, which `done` turns into a
 * snapshot (lazy: counters copied, candidates derived when read) or the plain explanation. `aux`
 * is a dest the judge refers to (a hash bucket's owner, lblc's cached dest).
 */
export function explain(
  ctx: SchedContext,
  kind: ExplainKind,
  dests: readonly Dest[],
  winner: Dest | undefined,
  rule: string,
  aux?: Dest,
): Recording {
  const reuse = ctx.lazyExplain === true ? ctx.recorder : undefined;
  return (reuse ?? new Recording()).start(kind, dests, winner, rule, aux);
}

/** The plain Explanation of a recorded (or already plain) one: what a serialiser or a test wants. */
export function plainExplanation(ex: Explanation): Explanation {
  return ex instanceof RecordedExplanation || ex instanceof Recording ? ex.toJSON() : ex;
}

/** The usual failure code: nothing the scheduler may pick. */
export const NONE_NO_ELIGIBLE = 'none.no-eligible';
/** wrr's "all destinations are overloaded". */
export const NONE_OVERLOADED = 'none.overloaded';
/** dh/sh/mh: the hashed bucket is empty or its dest unavailable (no fallback, or it ran out). */
export const NONE_BUCKET = 'none.bucket-unavailable';

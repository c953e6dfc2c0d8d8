import type { Candidate, Dest, Explanation, ScheduleResult } from '../types';

export type Params = Explanation['params'];

/** One candidate row as the scheduler saw it. Only built when ctx.explain is on. */
export function describe(d: Dest, eligible: boolean, cost?: number): Candidate {
  const c: Candidate = {
    dest: d.key,
    weight: d.weight,
    active: d.activeconns,
    inactive: d.inactconns,
    overloaded: d.overloaded,
    eligible,
  };
  if (cost !== undefined) c.cost = cost;
  return c;
}

/** Every dest in list order, with the scheduler's own eligibility rule and compared cost. */
export function describeAll(
  dests: readonly Dest[],
  eligible: (d: Dest) => boolean,
  cost?: (d: Dest) => number,
): Candidate[] {
  return dests.map((d) => describe(d, eligible(d), cost?.(d)));
}

export function explanation(
  scheduler: string,
  candidates: Candidate[],
  winner: Dest | undefined,
  rule: string,
  params: Params = {},
): Explanation {
  return { scheduler, candidates, winner: winner?.key ?? null, rule, params };
}

/** The decision, with the explanation attached only when one was asked for. */
export function result(dest: Dest | undefined, ex: Explanation | undefined): ScheduleResult {
  return ex === undefined ? { dest } : { dest, explanation: ex };
}

/** The usual failure code: nothing the scheduler may pick. */
export const NONE_NO_ELIGIBLE = 'none.no-eligible';
/** wrr's "all destinations are overloaded". */
export const NONE_OVERLOADED = 'none.overloaded';
/** dh/sh/mh: the hashed bucket is empty or its dest unavailable (no fallback, or it ran out). */
export const NONE_BUCKET = 'none.bucket-unavailable';

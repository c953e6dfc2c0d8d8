import type { Rng } from '../../core/rng';
import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { derivedExplanation, explanation, NONE_NO_ELIGIBLE, result } from './explain';
import type { DeriveParams } from './explain';
import { USABLE_BY_OVERHEAD } from './judges';
import { modU32 } from './modU32';
import { connOverhead } from './overhead';
import { at, cum, FAST_DESTS, placeOf, sumWeights, sums } from './twosWeights';

/** What the last draw looked like; a reused scratch so the hot path allocates nothing. */
const last = { weightSum: 0, r1: 0, r2: 0, choice1: '', choice2: '' };

/** W: the sum of the usable (not overloaded, weight > 0) dests' weights. */
function usableWeight(dests: readonly Dest[]): number {
  let total = 0;
  for (const d of dests) if (!d.overloaded && d.weight > 0) total += d.weight;
  return total;
}

/** A weighted draw over usable dests in list order: the first at which r, less their weights, is ≤ 0. */
function walk(dests: readonly Dest[], r: number): Dest | undefined {
  for (let i = 0; i < dests.length; i++) {
    const d = dests[i]!;
    if (d.overloaded || d.weight <= 0) continue;
    r -= d.weight;
    if (r <= 0) return d;
  }
  return undefined;
}

/**
 * Where each draw's usable dest is among the running sums (twosWeights.ts): the first whose sum
 * reaches r (where r, less each usable weight in list order, first drops to 0 or below, as the
 * walk finds it). The sums increase, so that place is how many fall short of r: both counted in
 * one pass without a branch per dest, as r is random and a mispredicted loop exit cost more than
 * the count. Small totals look the place up instead (placeOf).
 */
const places = { k1: 0, k2: 0 };

function countShort(m: number, r1: number, r2: number): void {
  let k1 = 0;
  let k2 = 0;
  for (let j = 0; j < m; j++) {
    const c = cum[j]!;
    k1 -= (c - r1) >> 31;
    k2 -= (c - r2) >> 31;
  }
  places.k1 = k1;
  places.k2 = k2;
}

/** Sums that could overflow an int32 difference take the walk. */
const FAST_SUM = 1 << 30;

/** Power of two choices with the injected rng: r1, r2 uniform in [0, W], W = Σ usable weights. */
export function twosPick(dests: readonly Dest[], rng: Rng): Dest | undefined {
  const fast = dests.length <= FAST_DESTS;
  let total: number;
  if (fast) {
    sumWeights(dests);
    total = sums.total;
  } else total = usableWeight(dests);
  last.weightSum = total;
  if (total === 0) return undefined;
  let r1 = modU32(rng.u32(), total + 1);
  let r2 = modU32(rng.u32(), total + 1);
  let c1: Dest;
  let c2: Dest;
  if (fast && total < FAST_SUM) {
    // Small integers from here: a double kept in the explanation's params is boxed per decision.
    r1 |= 0;
    r2 |= 0;
    if (sums.table) {
      c1 = dests[at[placeOf[r1]!]!]!;
      c2 = dests[at[placeOf[r2]!]!]!;
    } else {
      countShort(sums.usable, r1, r2);
      c1 = dests[at[places.k1]!]!;
      c2 = dests[at[places.k2]!]!;
    }
  } else {
    // r ≤ W, the last running sum: both draws find a dest.
    c1 = walk(dests, r1)!;
    c2 = walk(dests, r2)!;
  }
  last.r1 = r1;
  last.r2 = r2;
  last.choice1 = c1.key;
  last.choice2 = c2.key;
  // Kernel ints (built with wrapping overflow), hence Math.imul rather than exact products.
  const choose2 = Math.imul(c2.weight, connOverhead(c1)) > Math.imul(c1.weight, connOverhead(c2));
  return choose2 ? c2 : c1;
}

/** The explanation's params, made with `new` (explain.ts: plainParams says why). */
class TwosParams {
  [name: string]: string | number | boolean;
  declare readonly weightSum: number;
  declare readonly r1: number;
  declare readonly r2: number;
  declare readonly choice1: string;
  declare readonly choice2: string;
  // Declared, not defined: plain stores, no class-field definitions per object.
  constructor(weightSum: number, r1: number, r2: number, choice1: string, choice2: string) {
    this.weightSum = weightSum;
    this.r1 = r1;
    this.r2 = r2;
    this.choice1 = choice1;
    this.choice2 = choice2;
  }
}

/** Totals whose two draws pack into one small integer, r1·(W+1) + r2 < 2^30 (DeriveParams' word). */
const PACKED_TOTAL = 1 << 15;

/**
 * The params from the recorded counters and the packed draws: W is the usable weights' sum, and
 * each choice is where its draw lands among them (the walk, as twosPick finds it).
 */
const TWOS_PARAMS: DeriveParams = (views, _w, word) => {
  const weightSum = usableWeight(views);
  const r1 = Math.floor(word / (weightSum + 1));
  const r2 = word - r1 * (weightSum + 1);
  return { weightSum, r1, r2, choice1: walk(views, r1)!.key, choice2: walk(views, r2)!.key };
};

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = twosPick(svc.dests, ctx.rng);
  if (!ctx.explain) return { dest: d };
  if (!d) return result(d, explanation(ctx, 'twos', svc.dests, USABLE_BY_OVERHEAD, d, NONE_NO_ELIGIBLE));
  const { weightSum, r1, r2, choice1, choice2 } = last;
  const rule = 'twos.choice';
  if (weightSum < PACKED_TOTAL) {
    const word = r1 * (weightSum + 1) + r2;
    return result(
      d,
      derivedExplanation(ctx, 'twos', svc.dests, USABLE_BY_OVERHEAD, d, rule, TWOS_PARAMS, word),
    );
  }
  const params = new TwosParams(weightSum, r1, r2, choice1, choice2);
  return result(d, explanation(ctx, 'twos', svc.dests, USABLE_BY_OVERHEAD, d, rule, params));
}

export const twos: Scheduler<null> = { name: 'twos', createState: () => null, update: () => {}, schedule };

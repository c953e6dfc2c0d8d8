import type { Rng } from '../../core/rng';
import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { explanation, NONE_NO_ELIGIBLE, result } from './explain';
import { USABLE_BY_OVERHEAD } from './judges';
import { modU32 } from './modU32';
import { connOverhead } from './overhead';

/** What the last draw looked like; a reused scratch so the hot path allocates nothing. */
const last = { weightSum: 0, r1: 0, r2: 0, choice1: '', choice2: '' };

/** Two weighted random draws over usable dests in list order (r ≤ 0 after subtracting weights). */
function draw(dests: readonly Dest[], r1: number, r2: number): Dest | undefined {
  let c1: Dest | undefined;
  let c2: Dest | undefined;
  for (let i = 0; i < dests.length && (c1 === undefined || c2 === undefined); i++) {
    const d = dests[i]!;
    if (d.overloaded || d.weight <= 0) continue;
    r1 -= d.weight;
    r2 -= d.weight;
    if (r1 <= 0 && c1 === undefined) c1 = d;
    if (r2 <= 0 && c2 === undefined) c2 = d;
  }
  last.choice1 = c1?.key ?? '';
  last.choice2 = c2?.key ?? '';
  if (c1 === undefined || c2 === undefined) return c1 ?? c2;
  // Kernel ints (built with wrapping overflow), hence Math.imul rather than exact products.
  const choose2 = Math.imul(c2.weight, connOverhead(c1)) > Math.imul(c1.weight, connOverhead(c2));
  return choose2 ? c2 : c1;
}

/** Power of two choices with the injected rng: r1, r2 uniform in [0, W], W = Σ usable weights. */
export function twosPick(dests: readonly Dest[], rng: Rng): Dest | undefined {
  let total = 0;
  for (let i = 0; i < dests.length; i++) {
    const d = dests[i]!;
    if (!d.overloaded && d.weight > 0) total += d.weight;
  }
  last.weightSum = total;
  if (total === 0) return undefined;
  last.r1 = modU32(rng.u32(), total + 1);
  last.r2 = modU32(rng.u32(), total + 1);
  return draw(dests, last.r1, last.r2);
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

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = twosPick(svc.dests, ctx.rng);
  if (!ctx.explain) return { dest: d };
  const { weightSum, r1, r2, choice1, choice2 } = last;
  const params = d ? new TwosParams(weightSum, r1, r2, choice1, choice2) : {};
  const rule = d ? 'twos.choice' : NONE_NO_ELIGIBLE;
  return result(d, explanation(ctx, 'twos', svc.dests, USABLE_BY_OVERHEAD, d, rule, params));
}

export const twos: Scheduler<null> = { name: 'twos', createState: () => null, update: () => {}, schedule };

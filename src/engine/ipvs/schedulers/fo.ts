import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { explanation, NONE_NO_ELIGIBLE, result } from './explain';
import { USABLE_BY_WEIGHT } from './judges';

/** Weighted failover: highest weight (> 0) among non-overloaded dests, first on ties. */
export function foPick(dests: readonly Dest[]): Dest | undefined {
  let best: Dest | undefined;
  let hw = 0;
  for (let i = 0; i < dests.length; i++) {
    const d = dests[i]!;
    if (!d.overloaded && d.weight > hw) {
      best = d;
      hw = d.weight;
    }
  }
  return best;
}

/** The explanation's params, made with `new` (explain.ts: plainParams says why). */
class FoParams {
  [name: string]: string | number | boolean;
  declare readonly weight: number;
  // Declared, not defined: plain stores, no class-field definitions per object.
  constructor(weight: number) {
    this.weight = weight;
  }
}

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = foPick(svc.dests);
  if (!ctx.explain) return { dest: d };
  const rule = d ? 'fo.highest-weight' : NONE_NO_ELIGIBLE;
  const params = d ? new FoParams(d.weight) : {};
  return result(d, explanation(ctx, 'fo', svc.dests, USABLE_BY_WEIGHT, d, rule, params));
}

export const fo: Scheduler<null> = { name: 'fo', createState: () => null, update: () => {}, schedule };

import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { describeAll, explanation, NONE_NO_ELIGIBLE, result } from './explain';
import { usable } from './usable';

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

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = foPick(svc.dests);
  if (!ctx.explain) return { dest: d };
  const candidates = describeAll(svc.dests, usable, (x) => x.weight);
  const rule = d ? 'fo.highest-weight' : NONE_NO_ELIGIBLE;
  return result(d, explanation('fo', candidates, d, rule, d ? { weight: d.weight } : {}));
}

export const fo: Scheduler<null> = { name: 'fo', createState: () => null, update: () => {}, schedule };

import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { derivedExplanation, explanation, NONE_NO_ELIGIBLE, result } from './explain';
import { USABLE_BY_WEIGHT } from './judges';
import { FO_PARAMS } from './winnerParams';

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
  if (!d) return result(d, explanation(ctx, 'fo', svc.dests, USABLE_BY_WEIGHT, d, NONE_NO_ELIGIBLE));
  return result(
    d,
    derivedExplanation(ctx, 'fo', svc.dests, USABLE_BY_WEIGHT, d, 'fo.highest-weight', FO_PARAMS),
  );
}

export const fo: Scheduler<null> = { name: 'fo', createState: () => null, update: () => {}, schedule };

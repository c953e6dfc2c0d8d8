import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { explainWith, NO_PARAMS, NONE_NO_ELIGIBLE, result } from './explain';
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

/** The explanation's params when a dest won, in order. */
const FO_PARAMS = ['weight'];

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = foPick(svc.dests);
  if (!ctx.explain) return { dest: d };
  const rule = d ? 'fo.highest-weight' : NONE_NO_ELIGIBLE;
  return result(
    d,
    explainWith(
      ctx,
      'fo',
      svc.dests,
      USABLE_BY_WEIGHT,
      d,
      rule,
      undefined,
      d ? FO_PARAMS : NO_PARAMS,
      d?.weight ?? 0,
    ),
  );
}

export const fo: Scheduler<null> = { name: 'fo', createState: () => null, update: () => {}, schedule };

import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { explain, explainKind, NONE_NO_ELIGIBLE, paramShape } from './explain';
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

const FO = explainKind('fo', USABLE_BY_WEIGHT);
const FO_PARAMS = paramShape('weight');

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = foPick(svc.dests);
  if (!ctx.explain) return { dest: d };
  const rule = d ? 'fo.highest-weight' : NONE_NO_ELIGIBLE;
  const ex = explain(ctx, FO, svc.dests, d, rule);
  return (d ? ex.with(FO_PARAMS, d.weight) : ex).done(ctx.lazyExplain);
}

export const fo: Scheduler<null> = { name: 'fo', createState: () => null, update: () => {}, schedule };

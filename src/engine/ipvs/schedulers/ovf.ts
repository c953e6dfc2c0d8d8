import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { derivedExplanation, explanation, NONE_NO_ELIGIBLE, result } from './explain';
import type { Judge } from './explain';
import { OVF_PARAMS } from './winnerParams';

/** ovf's own rule: not overloaded, weight > 0 and no more active connections than its weight. */
export function ovfEligible(d: Dest): boolean {
  return !d.overloaded && d.weight !== 0 && d.activeconns <= d.weight;
}

const OVF_JUDGE: Judge = { eligible: ovfEligible, cost: (d) => d.weight };

/** Weighted overflow: the highest-weight eligible dest, first on ties. */
export function ovfPick(dests: readonly Dest[]): Dest | undefined {
  let best: Dest | undefined;
  let hw = 0;
  for (let i = 0; i < dests.length; i++) {
    const d = dests[i]!;
    if (!ovfEligible(d)) continue;
    if (best === undefined || d.weight > hw) {
      best = d;
      hw = d.weight;
    }
  }
  return best;
}

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = ovfPick(svc.dests);
  if (!ctx.explain) return { dest: d };
  if (!d) return result(d, explanation(ctx, 'ovf', svc.dests, OVF_JUDGE, d, NONE_NO_ELIGIBLE));
  const rule = 'ovf.highest-weight-under-limit';
  return result(d, derivedExplanation(ctx, 'ovf', svc.dests, OVF_JUDGE, d, rule, OVF_PARAMS));
}

export const ovf: Scheduler<null> = { name: 'ovf', createState: () => null, update: () => {}, schedule };

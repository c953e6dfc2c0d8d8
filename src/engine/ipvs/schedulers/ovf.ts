import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { explanation, NONE_NO_ELIGIBLE, result } from './explain';
import type { Judge } from './explain';

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

/** The explanation's params, made with `new` (explain.ts: plainParams says why). */
class OvfParams {
  [name: string]: string | number | boolean;
  declare readonly weight: number;
  declare readonly active: number;
  // Declared, not defined: plain stores, no class-field definitions per object.
  constructor(weight: number, active: number) {
    this.weight = weight;
    this.active = active;
  }
}

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = ovfPick(svc.dests);
  if (!ctx.explain) return { dest: d };
  const rule = d ? 'ovf.highest-weight-under-limit' : NONE_NO_ELIGIBLE;
  const params = d ? new OvfParams(d.weight, d.activeconns) : {};
  return result(d, explanation(ctx, 'ovf', svc.dests, OVF_JUDGE, d, rule, params));
}

export const ovf: Scheduler<null> = { name: 'ovf', createState: () => null, update: () => {}, schedule };

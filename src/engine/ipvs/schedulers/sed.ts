import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { CostWeightParams } from './costWeight';
import { explanation, NONE_NO_ELIGIBLE, result } from './explain';
import { USABLE_BY_SED } from './judges';
import { sedOverhead } from './overhead';

/** wlc's loop and tie rule with oh = active + 1: least (active+1)/weight, first in list on ties. */
export function sedLeast(dests: readonly Dest[]): Dest | undefined {
  // Arithmetic inlined (= sedOverhead): a per-dest call through an imported binding costs more
  // than the sum itself under some module loaders, and this loop is the hot path.
  const n = dests.length;
  let i = 0;
  while (i < n && (dests[i]!.weight <= 0 || dests[i]!.overloaded)) i++;
  if (i === n) return undefined;
  let least = dests[i]!;
  let loh = least.activeconns + 1;
  for (i++; i < n; i++) {
    const d = dests[i]!;
    if (d.overloaded) continue;
    const doh = d.activeconns + 1;
    if (loh * d.weight > doh * least.weight) {
      least = d;
      loh = doh;
    }
  }
  return least;
}

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = sedLeast(svc.dests);
  if (!ctx.explain) return { dest: d };
  const rule = d ? 'sed.least-expected-delay' : NONE_NO_ELIGIBLE;
  const params = d ? new CostWeightParams(sedOverhead(d), d.weight) : {};
  return result(d, explanation(ctx, 'sed', svc.dests, USABLE_BY_SED, d, rule, params));
}

export const sed: Scheduler<null> = { name: 'sed', createState: () => null, update: () => {}, schedule };

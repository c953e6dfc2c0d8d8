import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { derivedExplanation, explanation, NONE_NO_ELIGIBLE, result } from './explain';
import { USABLE_BY_SED } from './judges';
import { SED_PARAMS } from './winnerParams';

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
  if (!d) return result(d, explanation(ctx, 'sed', svc.dests, USABLE_BY_SED, d, NONE_NO_ELIGIBLE));
  return result(
    d,
    derivedExplanation(ctx, 'sed', svc.dests, USABLE_BY_SED, d, 'sed.least-expected-delay', SED_PARAMS),
  );
}

export const sed: Scheduler<null> = { name: 'sed', createState: () => null, update: () => {}, schedule };

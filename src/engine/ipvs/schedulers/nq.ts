import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { derivedExplanation, explanation, NONE_NO_ELIGIBLE, result } from './explain';
import { USABLE_BY_SED } from './judges';
import { SED_PARAMS } from './winnerParams';

/**
 * Never queue: the first usable dest with no active connection wins outright (whatever its
 * weight); otherwise the sed minimum, strict compare, first in list order on ties.
 */
export function nqPick(dests: readonly Dest[]): Dest | undefined {
  let least: Dest | undefined;
  let loh = 0;
  // Arithmetic inlined (= sedOverhead): a per-dest call through an imported binding costs more
  // than the sum itself under some module loaders, and this loop is the hot path.
  for (let i = 0; i < dests.length; i++) {
    const d = dests[i]!;
    if (d.overloaded || d.weight === 0) continue;
    if (d.activeconns === 0) return d;
    const doh = d.activeconns + 1;
    if (least === undefined || loh * d.weight > doh * least.weight) {
      least = d;
      loh = doh;
    }
  }
  return least;
}

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = nqPick(svc.dests);
  if (!ctx.explain) return { dest: d };
  // Any idle usable dest is returned at once, so an idle winner is the first idle one.
  if (!d) return result(d, explanation(ctx, 'nq', svc.dests, USABLE_BY_SED, d, NONE_NO_ELIGIBLE));
  const rule = d.activeconns === 0 ? 'nq.first-idle' : 'nq.least-expected-delay';
  return result(d, derivedExplanation(ctx, 'nq', svc.dests, USABLE_BY_SED, d, rule, SED_PARAMS));
}

export const nq: Scheduler<null> = { name: 'nq', createState: () => null, update: () => {}, schedule };

import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { derivedExplanation, explanation, NONE_NO_ELIGIBLE, result } from './explain';
import { USABLE_BY_OVERHEAD } from './judges';
import { LC_PARAMS } from './winnerParams';

/** Least 256·active+inactive among usable dests; strict `<` keeps the first in list order. */
export function lcLeast(dests: readonly Dest[]): Dest | undefined {
  let least: Dest | undefined;
  let loh = 0;
  // Arithmetic inlined (= connOverhead): a per-dest call through an imported binding costs more
  // than the sum itself under some module loaders, and this loop is the hot path.
  for (let i = 0; i < dests.length; i++) {
    const d = dests[i]!;
    if (d.overloaded || d.weight === 0) continue;
    const doh = d.activeconns * 256 + d.inactconns;
    if (least === undefined || doh < loh) {
      least = d;
      loh = doh;
    }
  }
  return least;
}

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = lcLeast(svc.dests);
  if (!ctx.explain) return { dest: d };
  if (!d) return result(d, explanation(ctx, 'lc', svc.dests, USABLE_BY_OVERHEAD, d, NONE_NO_ELIGIBLE));
  return result(
    d,
    derivedExplanation(ctx, 'lc', svc.dests, USABLE_BY_OVERHEAD, d, 'lc.least-cost', LC_PARAMS),
  );
}

export const lc: Scheduler<null> = { name: 'lc', createState: () => null, update: () => {}, schedule };

import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { explainWith, NO_PARAMS, NONE_NO_ELIGIBLE, result } from './explain';
import { USABLE_BY_OVERHEAD } from './judges';
import { connOverhead } from './overhead';

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

/** The explanation's params when a dest won, in order. */
const LC_PARAMS = ['cost'];

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = lcLeast(svc.dests);
  if (!ctx.explain) return { dest: d };
  const rule = d ? 'lc.least-cost' : NONE_NO_ELIGIBLE;
  return result(
    d,
    explainWith(
      ctx,
      'lc',
      svc.dests,
      USABLE_BY_OVERHEAD,
      d,
      rule,
      undefined,
      d ? LC_PARAMS : NO_PARAMS,
      d ? connOverhead(d) : 0,
    ),
  );
}

export const lc: Scheduler<null> = { name: 'lc', createState: () => null, update: () => {}, schedule };

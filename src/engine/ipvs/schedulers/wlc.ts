import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { derivedExplanation, explanation, NONE_NO_ELIGIBLE, result } from './explain';
import { USABLE_BY_OVERHEAD } from './judges';
import { WLC_PARAMS } from './winnerParams';

/**
 * Weighted least connection (also lblc/lblcr's fallback): start from the first usable dest, then
 * replace it while oh(least)·w(d) > oh(d)·w(least). Strict, so ties stay with the earlier dest,
 * and a weight-0 dest can never win.
 */
export function wlcLeast(dests: readonly Dest[]): Dest | undefined {
  // Arithmetic inlined (= connOverhead): a per-dest call through an imported binding costs more
  // than the sum itself under some module loaders, and this loop is the hot path.
  const n = dests.length;
  let i = 0;
  while (i < n && (dests[i]!.weight <= 0 || dests[i]!.overloaded)) i++;
  if (i === n) return undefined;
  let least = dests[i]!;
  let loh = least.activeconns * 256 + least.inactconns;
  for (i++; i < n; i++) {
    const d = dests[i]!;
    if (d.overloaded) continue;
    const doh = d.activeconns * 256 + d.inactconns;
    if (loh * d.weight > doh * least.weight) {
      least = d;
      loh = doh;
    }
  }
  return least;
}

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = wlcLeast(svc.dests);
  if (!ctx.explain) return { dest: d };
  if (!d) return result(d, explanation(ctx, 'wlc', svc.dests, USABLE_BY_OVERHEAD, d, NONE_NO_ELIGIBLE));
  return result(
    d,
    derivedExplanation(ctx, 'wlc', svc.dests, USABLE_BY_OVERHEAD, d, 'wlc.least-weighted-cost', WLC_PARAMS),
  );
}

export const wlc: Scheduler<null> = { name: 'wlc', createState: () => null, update: () => {}, schedule };

import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { describeAll, explanation, NONE_NO_ELIGIBLE, result } from './explain';
import { usable } from './usable';
import { connOverhead } from './overhead';

/**
 * Weighted least connection (also lblc/lblcr's fallback): start from the first usable dest, then
 * replace it while oh(least)·w(d) > oh(d)·w(least). Strict, so ties stay with the earlier dest,
 * and a weight-0 dest can never win.
 */
export function wlcLeast(dests: readonly Dest[]): Dest | undefined {
  const n = dests.length;
  let i = 0;
  while (i < n && !usable(dests[i]!)) i++;
  if (i === n) return undefined;
  let least = dests[i]!;
  let loh = connOverhead(least);
  for (i++; i < n; i++) {
    const d = dests[i]!;
    if (d.overloaded) continue;
    const doh = connOverhead(d);
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
  const candidates = describeAll(svc.dests, usable, connOverhead);
  const rule = d ? 'wlc.least-weighted-cost' : NONE_NO_ELIGIBLE;
  const params = d ? { cost: connOverhead(d), weight: d.weight } : {};
  return result(d, explanation('wlc', candidates, d, rule, params));
}

export const wlc: Scheduler<null> = { name: 'wlc', createState: () => null, update: () => {}, schedule };

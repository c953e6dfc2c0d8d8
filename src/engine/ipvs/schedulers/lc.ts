import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { explanation, NONE_NO_ELIGIBLE, result } from './explain';
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

/** The explanation's params, made with `new` (explain.ts: plainParams says why). */
class LcParams {
  [name: string]: string | number | boolean;
  declare readonly cost: number;
  // Declared, not defined: plain stores, no class-field definitions per object.
  constructor(cost: number) {
    this.cost = cost;
  }
}

function schedule(_s: null, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = lcLeast(svc.dests);
  if (!ctx.explain) return { dest: d };
  const rule = d ? 'lc.least-cost' : NONE_NO_ELIGIBLE;
  const params = d ? new LcParams(connOverhead(d)) : {};
  return result(d, explanation(ctx, 'lc', svc.dests, USABLE_BY_OVERHEAD, d, rule, params));
}

export const lc: Scheduler<null> = { name: 'lc', createState: () => null, update: () => {}, schedule };

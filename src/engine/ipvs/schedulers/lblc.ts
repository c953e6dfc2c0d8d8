import type {
  Dest,
  Explanation,
  SchedContext,
  SchedPacket,
  SchedService,
  Scheduler,
  ScheduleResult,
} from '../types';
import { explanation, NONE_NO_ELIGIBLE, result } from './explain';
import type { Judge } from './explain';
import { localityOverloaded } from './localityOverloaded';
import { createLocalityTable, gcDue, runLocalityGc, type LocalityTable } from './localityTable';
import { connOverhead } from './overhead';
import { usable } from './usable';
import { wlcLeast } from './wlc';

/** Cache entry: the dest last chosen for a destination address (held even after deletion). */
export interface LblcEntry {
  dest: Dest;
  lastuse: number;
}

export type LblcState = LocalityTable<LblcEntry>;

/**
 * A cached dest is kept while AVAILABLE, weight > 0 and not "overloaded" in lblc's sense. The
 * kernel does not look at the OVERLOAD threshold flag here, so neither do we.
 */
function keepCached(d: Dest, dests: readonly Dest[]): boolean {
  return d.available && d.weight > 0 && !localityOverloaded(d, dests);
}

/** ip_vs_lblc_new: same dest → nothing; otherwise drop the entry and hash a new one. */
function remember(s: LblcState, daddr: string, en: LblcEntry | undefined, d: Dest, now: number): void {
  if (en !== undefined && en.dest === d) return;
  if (en !== undefined) s.entries.delete(daddr);
  s.entries.set(daddr, { dest: d, lastuse: now });
  s.count++;
}

function cacheState(en: LblcEntry | undefined, dests: readonly Dest[]): string {
  if (en === undefined) return 'miss';
  if (!en.dest.available) return 'unavailable';
  if (en.dest.weight <= 0) return 'weight-zero';
  return localityOverloaded(en.dest, dests) ? 'overloaded' : 'hit';
}

/** The cached dest (aux) may be kept even with the OVERLOAD flag set; any other goes through wlc. */
const LBLC_JUDGE: Judge = {
  eligible: (x, i, all, rec) => usable(x) || (i === rec.auxIndex && keepCached(x, all)),
  cost: connOverhead,
};

/** The explanation's params, made with `new` (explain.ts: plainParams says why). */
class LblcParams {
  [name: string]: string | number | boolean;
  declare readonly daddr: string;
  declare readonly cached: string;
  declare readonly cache: string;
  // Declared, not defined: plain stores, no class-field definitions per object.
  constructor(daddr: string, cached: string, cache: string) {
    this.daddr = daddr;
    this.cached = cached;
    this.cache = cache;
  }
}

/** The params made last, shared while equal (mh.ts says why). A memo of values, not state. */
let lastParams: LblcParams | undefined;

function lblcParams(daddr: string, cached: string, cache: string): LblcParams {
  const p = lastParams;
  if (p !== undefined && p.daddr === daddr && p.cached === cached && p.cache === cache) return p;
  return (lastParams = new LblcParams(daddr, cached, cache));
}

function explain(
  ctx: SchedContext,
  svc: SchedService,
  pkt: SchedPacket,
  en: LblcEntry | undefined,
  d: Dest | undefined,
  hit: boolean,
): Explanation {
  const rule = hit ? 'lblc.cache-hit' : d ? 'lblc.new-entry' : NONE_NO_ELIGIBLE;
  const params = lblcParams(pkt.daddr, en?.dest.key ?? '', cacheState(en, svc.dests));
  return explanation(ctx, 'lblc', svc.dests, LBLC_JUDGE, d, rule, params, en?.dest);
}

function schedule(s: LblcState, svc: SchedService, pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  // Only when a GC tick is due: the expiration in µs is a heap number once passed (one per decision).
  if (gcDue(s, ctx.now)) runLocalityGc(s, ctx.now, ctx.lblcExpiration * 1_000_000);
  const en = s.entries.get(pkt.daddr);
  if (en !== undefined) {
    en.lastuse = ctx.now;
    if (keepCached(en.dest, svc.dests)) {
      return ctx.explain ? result(en.dest, explain(ctx, svc, pkt, en, en.dest, true)) : { dest: en.dest };
    }
  }
  const d = wlcLeast(svc.dests);
  if (d !== undefined) remember(s, pkt.daddr, en, d, ctx.now);
  // `en` still holds the old dest (remember() makes a new entry), so the explanation sees it.
  return ctx.explain ? result(d, explain(ctx, svc, pkt, en, d, false)) : { dest: d };
}

export const lblc: Scheduler<LblcState> = {
  name: 'lblc',
  createState: () => createLocalityTable<LblcEntry>(),
  update: () => {},
  schedule,
};

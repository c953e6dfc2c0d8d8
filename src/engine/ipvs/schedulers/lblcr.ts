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
import { USABLE_BY_OVERHEAD } from './judges';
import { localityOverloaded } from './localityOverloaded';
import { createLocalityTable, gcDue, runLocalityGc, type LocalityTable } from './localityTable';
import { connOverhead } from './overhead';
import { wlcLeast } from './wlc';

/** Cache entry: the server set for one destination address, newest member first. */
export interface LblcrEntry {
  set: Dest[];
  lastmod: number;
  lastuse: number;
}

export type LblcrState = LocalityTable<LblcrEntry>;

/** ip_vs_dest_set_min: weighted least-connection member (AVAILABLE, weight > 0, not OVERLOADed). */
export function setMin(set: readonly Dest[]): Dest | undefined {
  let least: Dest | undefined;
  let loh = 0;
  for (const d of set) {
    if (d.overloaded || !d.available) continue;
    const doh = d.activeconns * 256 + d.inactconns; // = connOverhead, inlined for the hot path
    if (least === undefined ? d.weight > 0 : loh * d.weight > doh * least.weight) {
      least = d;
      loh = doh;
    }
  }
  return least;
}

/** ip_vs_dest_set_max: weighted most-connection member with weight > 0 (flags not checked). */
export function setMax(set: readonly Dest[]): Dest | undefined {
  let most: Dest | undefined;
  let moh = 0;
  for (const d of set) {
    if (d.weight <= 0) continue;
    const doh = connOverhead(d);
    if (most === undefined || moh * d.weight < doh * most.weight) {
      most = d;
      moh = doh;
    }
  }
  return most;
}

/**
 * Drop the most loaded member once the set has been stable for longer than the expiration. The
 * expiration in µs (above 2^31 by default) is computed here, not passed: a call boxes it.
 */
function shrink(en: LblcrEntry, ctx: SchedContext): Dest | undefined {
  if (en.set.length <= 1) return undefined;
  const now = ctx.now;
  if (!(now > en.lastmod + ctx.lblcrExpiration * 1_000_000)) return undefined;
  const m = setMax(en.set);
  if (m === undefined) return undefined;
  en.set.splice(en.set.indexOf(m), 1);
  en.lastmod = now;
  return m;
}

/** ip_vs_dest_set_insert with check: new members go to the head; lastmod only on a real insert. */
function insert(en: LblcrEntry, d: Dest, now: number): void {
  if (en.set.includes(d)) return;
  en.set.unshift(d);
  en.lastmod = now;
}

/**
 * The set's members' names joined, as the explanation shows them: made again only when the set
 * changed since the last call (a memo of values, not state: sets are mutated in place, so the
 * members are compared, not the array).
 */
let namedSet: readonly Dest[] | undefined;
const namedMembers: Dest[] = [];
let names = '';

function setNames(set: readonly Dest[]): string {
  let same = set === namedSet && set.length === namedMembers.length;
  for (let i = 0; same && i < set.length; i++) same = set[i] === namedMembers[i];
  if (same) return names;
  namedSet = set;
  namedMembers.length = 0;
  for (const d of set) namedMembers.push(d);
  names = set.map((x) => x.key).join(',');
  return names;
}

/** Scratch for the explanation: best set member, the one dropped, and whether it was kept. */
const trail = { member: '', dropped: '', kept: false };

/** The explanation's params, made with `new` (explain.ts: plainParams says why). */
class LblcrParams {
  [name: string]: string | number | boolean;
  declare readonly daddr: string;
  declare readonly set: string;
  declare readonly member: string;
  declare readonly dropped: string;
  declare readonly kept: boolean;
  // Declared, not defined: plain stores, no class-field definitions per object.
  constructor(daddr: string, set: string, member: string, dropped: string, kept: boolean) {
    this.daddr = daddr;
    this.set = set;
    this.member = member;
    this.dropped = dropped;
    this.kept = kept;
  }
}

/** The params made last, shared while equal (mh.ts says why). A memo of values, not state. */
let lastParams: LblcrParams | undefined;

function lblcrParams(
  daddr: string,
  set: string,
  member: string,
  dropped: string,
  kept: boolean,
): LblcrParams {
  const p = lastParams;
  if (
    p !== undefined &&
    p.daddr === daddr &&
    p.set === set &&
    p.member === member &&
    p.dropped === dropped &&
    p.kept === kept
  )
    return p;
  return (lastParams = new LblcrParams(daddr, set, member, dropped, kept));
}

function explain(
  ctx: SchedContext,
  svc: SchedService,
  pkt: SchedPacket,
  en: LblcrEntry | undefined,
  d: Dest | undefined,
  rule: string,
): Explanation {
  const set = en === undefined ? '' : setNames(en.set);
  const params = lblcrParams(pkt.daddr, set, trail.member, trail.dropped, trail.kept);
  return explanation(ctx, 'lblcr', svc.dests, USABLE_BY_OVERHEAD, d, d ? rule : NONE_NO_ELIGIBLE, params);
}

/** With an entry: best set member unless lblc-overloaded, else wlc over the service, added to the set. */
function fromEntry(en: LblcrEntry, svc: SchedService, ctx: SchedContext): Dest | undefined {
  en.lastuse = ctx.now;
  const n = setMin(en.set);
  const m = shrink(en, ctx);
  trail.member = n?.key ?? '';
  trail.dropped = m?.key ?? '';
  trail.kept = n !== undefined && !localityOverloaded(n, svc.dests);
  if (trail.kept) return n;
  const d = wlcLeast(svc.dests);
  if (d !== undefined) insert(en, d, ctx.now);
  return d;
}

function schedule(s: LblcrState, svc: SchedService, pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const now = ctx.now;
  // Only when a GC tick is due: the expiration in µs is a heap number once passed (one per decision).
  if (gcDue(s, now)) runLocalityGc(s, now, ctx.lblcrExpiration * 1_000_000);
  const en = s.entries.get(pkt.daddr);
  if (en !== undefined) {
    const d = fromEntry(en, svc, ctx);
    if (!ctx.explain) return { dest: d };
    const rule = trail.kept ? 'lblcr.set-member' : 'lblcr.new-member';
    return result(d, explain(ctx, svc, pkt, en, d, rule));
  }
  const d = wlcLeast(svc.dests);
  if (d !== undefined) {
    s.entries.set(pkt.daddr, { set: [d], lastmod: ctx.now, lastuse: ctx.now });
    s.count++;
  }
  if (!ctx.explain) return { dest: d };
  trail.member = '';
  trail.dropped = '';
  trail.kept = false;
  return result(d, explain(ctx, svc, pkt, s.entries.get(pkt.daddr), d, 'lblcr.new-entry'));
}

export const lblcr: Scheduler<LblcrState> = {
  name: 'lblcr',
  createState: () => createLocalityTable<LblcrEntry>(),
  update: () => {},
  schedule,
};

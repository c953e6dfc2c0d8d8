import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { bucketDest, hashUnavailable, type BucketTable } from './bucketTable';
import { explanation, NONE_BUCKET, result } from './explain';
import type { Judge } from './explain';
import { hash32 } from './hash32';
import { saddrToI32 } from './ipv4';

export const SH_TAB_BITS = 8;
export const SH_TAB_SIZE = 1 << SH_TAB_BITS;
const SH_TAB_MASK = SH_TAB_SIZE - 1;

export interface ShState {
  table: BucketTable;
}

/** ip_vs_sh_reassign: walk the list, each dest taking `weight` consecutive buckets (at least 1). */
export function shTable(dests: readonly Dest[]): BucketTable {
  const t: BucketTable = new Array<number>(SH_TAB_SIZE).fill(-1);
  const n = dests.length;
  if (n === 0) return t;
  let p = 0;
  let count = 0;
  for (let i = 0; i < SH_TAB_SIZE; i++) {
    t[i] = p;
    if (++count >= dests[p]!.weight) {
      p = p + 1 === n ? 0 : p + 1;
      count = 0;
    }
  }
  return t;
}

/** Rebuilt on add, delete and edit alike (sh registers all three hooks). */
function rebuild(s: ShState, svc: SchedService): void {
  s.table = shTable(svc.dests);
}

/** Last lookup's probe trail, a reused scratch: original bucket, final bucket, probes made. */
const trail = { bucket: 0, final: 0, probes: 0 };

/** sh-fallback: probe (offset + 2·idx) mod 256 for offset 0..255; an empty bucket ends it. */
function fallback(table: BucketTable, dests: readonly Dest[], idx: number): Dest | undefined {
  for (let k = 0; k < SH_TAB_SIZE; k++) {
    const b = (k + idx + idx) & SH_TAB_MASK;
    const d = bucketDest(table, dests, b);
    trail.final = b;
    trail.probes = k + 1;
    if (d === undefined) return undefined;
    if (!hashUnavailable(d)) return d;
  }
  return undefined;
}

export function shLookup(s: ShState, svc: SchedService, pkt: SchedPacket): Dest | undefined {
  const port = svc.flags.flag2 ? pkt.sport : 0;
  const idx = hash32((port + saddrToI32(pkt.saddr)) | 0, SH_TAB_BITS);
  trail.bucket = idx;
  trail.final = idx;
  trail.probes = 0;
  const d = bucketDest(s.table, svc.dests, idx);
  if (d === undefined || !hashUnavailable(d)) return d;
  return svc.flags.flag1 ? fallback(s.table, svc.dests, idx) : undefined;
}

/** Eligible unless unavailable; the winner shows the final bucket it took, the hashed owner its bucket. */
const SH_JUDGE: Judge = {
  eligible: (d) => !hashUnavailable(d),
  cost: (_d, i, rec) =>
    i === rec.winnerIndex
      ? (rec.params.final as number)
      : i === rec.auxIndex
        ? (rec.params.bucket as number)
        : undefined,
};

/** The explanation's params, made with `new` (explain.ts: plainParams says why). */
class ShParams {
  [name: string]: string | number | boolean;
  declare readonly bucket: number;
  declare readonly final: number;
  declare readonly probes: number;
  declare readonly port: number;
  declare readonly fallback: boolean;
  // Declared, not defined: plain stores, no class-field definitions per object.
  constructor(bucket: number, final: number, probes: number, port: number, fallback: boolean) {
    this.bucket = bucket;
    this.final = final;
    this.probes = probes;
    this.port = port;
    this.fallback = fallback;
  }
}

/**
 * The last params per bucket: a client that connects again mostly gets equal params, and then the
 * same object (mh.ts says why). A memo of values, not state.
 */
const byBucket: (ShParams | undefined)[] = [];

function shParams(bucket: number, final: number, probes: number, port: number, fb: boolean): ShParams {
  const p = byBucket[bucket];
  if (p !== undefined && p.final === final && p.probes === probes && p.port === port && p.fallback === fb)
    return p;
  return (byBucket[bucket] = new ShParams(bucket, final, probes, port, fb));
}

function schedule(s: ShState, svc: SchedService, pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = shLookup(s, svc, pkt);
  if (!ctx.explain) return { dest: d };
  // Without probes the winner is the bucket's owner: looked up again only after a fallback or a miss.
  const owner = d !== undefined && trail.probes === 0 ? d : bucketDest(s.table, svc.dests, trail.bucket);
  const rule = !d ? NONE_BUCKET : trail.probes > 0 ? 'sh.fallback' : 'sh.bucket';
  const port = svc.flags.flag2 ? pkt.sport : 0;
  const { bucket, final, probes } = trail;
  const params = shParams(bucket, final, probes, port, svc.flags.flag1);
  return result(d, explanation(ctx, 'sh', svc.dests, SH_JUDGE, d, rule, params, owner));
}

export const sh: Scheduler<ShState> = {
  name: 'sh',
  createState: (svc) => ({ table: shTable(svc.dests) }),
  update: rebuild,
  schedule,
};

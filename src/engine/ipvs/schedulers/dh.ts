import type {
  Dest,
  DestChange,
  SchedContext,
  SchedPacket,
  SchedService,
  Scheduler,
  ScheduleResult,
} from '../types';
import { bucketDest, type BucketTable } from './bucketTable';
import { explanation, NONE_BUCKET, result } from './explain';
import type { Judge } from './explain';
import { hash32 } from './hash32';
import { daddrToU32 } from './ipv4';

export const DH_TAB_BITS = 8;
export const DH_TAB_SIZE = 1 << DH_TAB_BITS;

export interface DhState {
  table: BucketTable;
}

/** ip_vs_dh_reassign: bucket i gets list[i mod n]; weight plays no part. */
export function dhTable(n: number): BucketTable {
  const t: BucketTable = new Array<number>(DH_TAB_SIZE);
  for (let i = 0; i < DH_TAB_SIZE; i++) t[i] = n === 0 ? -1 : i % n;
  return t;
}

function createState(svc: SchedService): DhState {
  return { table: dhTable(svc.dests.length) };
}

/** dh registers add_dest and del_dest only: an edit keeps the table. */
function update(s: DhState, svc: SchedService, change: DestChange): void {
  if (change.kind !== 'edit') s.table = dhTable(svc.dests.length);
}

/** dh's own check: AVAILABLE, weight > 0 and not OVERLOADed. */
export function dhEligible(d: Dest): boolean {
  return d.available && d.weight > 0 && !d.overloaded;
}

/** dh's own eligibility; the hashed bucket's owner shows the bucket. */
const DH_JUDGE: Judge = {
  eligible: dhEligible,
  cost: (_d, i, rec) => (i === rec.auxIndex ? (rec.params.bucket as number) : undefined),
};

/** The explanation's params, made with `new` (explain.ts: plainParams says why). */
class DhParams {
  [name: string]: string | number | boolean;
  declare readonly daddr: string;
  declare readonly bucket: number;
  declare readonly owner: string;
  // Declared, not defined: plain stores, no class-field definitions per object.
  constructor(daddr: string, bucket: number, owner: string) {
    this.daddr = daddr;
    this.bucket = bucket;
    this.owner = owner;
  }
}

/** The last params per bucket, shared while equal (mh.ts says why). A memo of values, not state. */
const byBucket: (DhParams | undefined)[] = [];

function dhParams(daddr: string, bucket: number, owner: string): DhParams {
  const p = byBucket[bucket];
  if (p !== undefined && p.daddr === daddr && p.owner === owner) return p;
  return (byBucket[bucket] = new DhParams(daddr, bucket, owner));
}

function schedule(s: DhState, svc: SchedService, pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const bucket = hash32(daddrToU32(pkt.daddr), DH_TAB_BITS);
  const owner = bucketDest(s.table, svc.dests, bucket);
  const d = owner !== undefined && dhEligible(owner) ? owner : undefined;
  if (!ctx.explain) return { dest: d };
  const params = dhParams(pkt.daddr, bucket, owner?.key ?? '');
  const rule = d ? 'dh.bucket' : NONE_BUCKET;
  return result(d, explanation(ctx, 'dh', svc.dests, DH_JUDGE, d, rule, params, owner));
}

export const dh: Scheduler<DhState> = { name: 'dh', createState, update, schedule };

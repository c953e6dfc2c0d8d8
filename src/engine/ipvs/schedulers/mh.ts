import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { bucketDest, hashUnavailable, type BucketTable } from './bucketTable';
import { explanation, NONE_BUCKET, result } from './explain';
import type { Judge } from './explain';
import { ipv4ToU32 } from './ipv4';
import { modU32 } from './modU32';
import { MH_HASH1, MH_TAB_SIZE, mhHash, mhTable } from './mhTable';

/** The Maglev lookup table: M = 4093 slots of dest indices, rebuilt on add, delete and edit. */
export interface MhState {
  table: BucketTable;
}

function rebuild(s: MhState, svc: SchedService): void {
  s.table = mhTable(svc.dests);
}

/** Last lookup's trail, a reused scratch: first hash and slot, final slot, fallback probes. */
const trail = { hash: 0, slot: 0, final: 0, probes: 0 };

/** mh-fallback: re-hash with offset (k + slot) mod M, k = 0..M−1; an empty slot ends it. */
function fallback(s: MhState, dests: readonly Dest[], addr: number, port: number): Dest | undefined {
  for (let k = 0; k < MH_TAB_SIZE; k++) {
    const roffset = (k + trail.slot) % MH_TAB_SIZE;
    const slot = modU32(mhHash(addr, port, MH_HASH1, roffset), MH_TAB_SIZE);
    const d = bucketDest(s.table, dests, slot);
    trail.final = slot;
    trail.probes = k + 1;
    if (d === undefined) return undefined;
    if (!hashUnavailable(d)) return d;
  }
  return undefined;
}

/**
 * The first hash of recent clients (port + addr, the hash's whole input at offset 0): a client that
 * connects again hashes to the same slot, so its siphash is looked up instead of run again. A
 * direct-mapped memo of a pure function's values, not state: a collision only hashes again.
 */
const MEMO_BITS = 12;
const memoInput = new Int32Array(1 << MEMO_BITS);
const memoHash = new Uint32Array(1 << MEMO_BITS);
const memoFilled = new Uint8Array(1 << MEMO_BITS);

function firstHash(addr: number, port: number): number {
  const input = (port + addr) | 0;
  const at = (input ^ (input >>> MEMO_BITS) ^ (input >>> 24)) & ((1 << MEMO_BITS) - 1);
  if (memoFilled[at] === 1 && memoInput[at] === input) return memoHash[at]!;
  const h = mhHash(addr, port, MH_HASH1, 0);
  memoInput[at] = input;
  memoHash[at] = h;
  memoFilled[at] = 1;
  return h;
}

export function mhLookup(s: MhState, svc: SchedService, pkt: SchedPacket): Dest | undefined {
  const port = svc.flags.flag2 ? pkt.sport : 0;
  const addr = ipv4ToU32(pkt.saddr);
  trail.hash = firstHash(addr, port);
  trail.slot = modU32(trail.hash, MH_TAB_SIZE);
  trail.final = trail.slot;
  trail.probes = 0;
  const d = bucketDest(s.table, svc.dests, trail.slot);
  if (d === undefined || !hashUnavailable(d)) return d;
  return svc.flags.flag1 ? fallback(s, svc.dests, addr, port) : undefined;
}

/** Eligible unless unavailable; the winner shows the final slot it took, the hashed owner its slot. */
const MH_JUDGE: Judge = {
  eligible: (d) => !hashUnavailable(d),
  cost: (_d, i, rec) =>
    i === rec.winnerIndex
      ? (rec.params.final as number)
      : i === rec.auxIndex
        ? (rec.params.slot as number)
        : undefined,
};

/** The explanation's params, made with `new` (explain.ts: plainParams says why). */
class MhParams {
  [name: string]: string | number | boolean;
  declare readonly hash: number;
  declare readonly slot: number;
  declare readonly final: number;
  declare readonly probes: number;
  declare readonly port: number;
  declare readonly fallback: boolean;
  // Declared, not defined: plain stores, no class-field definitions per object.
  constructor(hash: number, slot: number, final: number, probes: number, port: number, fallback: boolean) {
    this.hash = hash;
    this.slot = slot;
    this.final = final;
    this.probes = probes;
    this.port = port;
    this.fallback = fallback;
  }
}

function schedule(s: MhState, svc: SchedService, pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = mhLookup(s, svc, pkt);
  if (!ctx.explain) return { dest: d };
  const owner = bucketDest(s.table, svc.dests, trail.slot);
  const rule = !d ? NONE_BUCKET : trail.probes > 0 ? 'mh.fallback' : 'mh.slot';
  const port = svc.flags.flag2 ? pkt.sport : 0;
  const { hash, slot, final, probes } = trail;
  const params = new MhParams(hash, slot, final, probes, port, svc.flags.flag1);
  return result(d, explanation(ctx, 'mh', svc.dests, MH_JUDGE, d, rule, params, owner));
}

export const mh: Scheduler<MhState> = {
  name: 'mh',
  createState: (svc) => ({ table: mhTable(svc.dests) }),
  update: rebuild,
  schedule,
};

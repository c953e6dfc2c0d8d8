import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { bucketDest, hashUnavailable, type MhBuckets } from './bucketTable';
import { explanation, NONE_BUCKET, result } from './explain';
import type { Judge } from './explain';
import { saddrToI32 } from './ipv4';
import { modU32 } from './modU32';
import { MH_HASH1, MH_TAB_SIZE, mhHash, mhTable } from './mhTable';

/** The Maglev lookup table: M = 4093 slots of dest indices, rebuilt on add, delete and edit. */
export interface MhState {
  table: MhBuckets;
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
 * The first hash and its slot of recent clients (port + addr, the hash's whole input at offset 0):
 * a client that connects again hashes to the same slot, so its siphash and the division by M are
 * looked up instead of done again. A direct-mapped memo of a pure function's values, not state: a
 * collision only hashes again. One entry is [input, hash, slot, 1 if filled] side by side, so a
 * lookup reads one cache line, not one per array (the trace's writes evict them between decisions).
 */
const MEMO_BITS = 12;
const MEMO_MASK = (1 << MEMO_BITS) - 1;
const memo = new Int32Array(4 << MEMO_BITS);

export function mhLookup(s: MhState, svc: SchedService, pkt: SchedPacket): Dest | undefined {
  const port = svc.flags.flag2 ? pkt.sport : 0;
  // Signed: the hash wraps the sum with `| 0` (mhHash), and a signed value is never boxed.
  const addr = saddrToI32(pkt.saddr);
  const input = (port + addr) | 0;
  const at = ((input ^ (input >>> MEMO_BITS) ^ (input >>> 24)) & MEMO_MASK) << 2;
  if (memo[at + 3] === 1 && memo[at] === input) {
    trail.hash = memo[at + 1]! >>> 0;
    trail.slot = memo[at + 2]!;
  } else {
    trail.hash = mhHash(addr, port, MH_HASH1, 0);
    trail.slot = modU32(trail.hash, MH_TAB_SIZE);
    memo[at] = input;
    memo[at + 1] = trail.hash;
    memo[at + 2] = trail.slot;
    memo[at + 3] = 1;
  }
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

/**
 * Recent decisions' params by first hash: a client that connects again mostly gets params equal to
 * its last ones, and then the same object (a decision's record keeps it: a bounded trace keeps
 * each for a few chunks, and a hash above 2^31 is a boxed number besides). Params are read only.
 * A direct-mapped memo of values, not state: a collision only makes the object again.
 */
const paramsMemo: (MhParams | undefined)[] = new Array<MhParams | undefined>(1 << MEMO_BITS).fill(undefined);

function mhParams(
  hash: number,
  slot: number,
  final: number,
  probes: number,
  port: number,
  fb: boolean,
): MhParams {
  const at = (hash ^ (hash >>> MEMO_BITS) ^ (hash >>> 24)) & MEMO_MASK;
  const p = paramsMemo[at];
  if (
    p !== undefined &&
    p.hash === hash &&
    p.slot === slot &&
    p.final === final &&
    p.probes === probes &&
    p.port === port &&
    p.fallback === fb
  )
    return p;
  return (paramsMemo[at] = new MhParams(hash, slot, final, probes, port, fb));
}

function schedule(s: MhState, svc: SchedService, pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const d = mhLookup(s, svc, pkt);
  if (!ctx.explain) return { dest: d };
  // Without probes the winner is the slot's owner: looked up again only after a fallback or a miss.
  const owner = d !== undefined && trail.probes === 0 ? d : bucketDest(s.table, svc.dests, trail.slot);
  const rule = !d ? NONE_BUCKET : trail.probes > 0 ? 'mh.fallback' : 'mh.slot';
  const port = svc.flags.flag2 ? pkt.sport : 0;
  const { hash, slot, final, probes } = trail;
  const params = mhParams(hash, slot, final, probes, port, svc.flags.flag1);
  return result(d, explanation(ctx, 'mh', svc.dests, MH_JUDGE, d, rule, params, owner));
}

export const mh: Scheduler<MhState> = {
  name: 'mh',
  createState: (svc) => ({ table: mhTable(svc.dests) }),
  update: rebuild,
  schedule,
};

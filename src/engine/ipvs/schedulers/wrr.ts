import type { Dest, SchedContext, SchedPacket, SchedService, Scheduler, ScheduleResult } from '../types';
import { explanation, NONE_NO_ELIGIBLE, NONE_OVERLOADED, result } from './explain';
import { USABLE_BY_WEIGHT } from './judges';
import { gcd } from './gcd';

/**
 * ip_vs_wrr_mark: cl = index of the current dest (-1 = list head), cw = current weight,
 * mw = max weight − (di − 1), di = gcd of the weights > 0.
 */
export interface WrrState {
  cl: number;
  cw: number;
  mw: number;
  di: number;
}

function gcdWeight(dests: readonly Dest[]): number {
  let g = 0;
  for (const d of dests) if (d.weight > 0) g = g > 0 ? gcd(d.weight, g) : d.weight;
  return g > 0 ? g : 1;
}

function maxWeight(dests: readonly Dest[]): number {
  let w = 0;
  for (const d of dests) if (d.weight > w) w = d.weight;
  return w;
}

function recompute(s: WrrState, dests: readonly Dest[]): void {
  s.cl = -1;
  s.di = gcdWeight(dests);
  s.mw = maxWeight(dests) - (s.di - 1);
}

/** init_service: start at the head with cw = mw. */
function createState(svc: SchedService): WrrState {
  const s: WrrState = { cl: -1, cw: 0, mw: 0, di: 1 };
  recompute(s, svc.dests);
  s.cw = s.mw;
  return s;
}

/** dest_changed (add, delete and edit alike): back to the head, keep cw unless out of range. */
function update(s: WrrState, svc: SchedService): void {
  recompute(s, svc.dests);
  if (s.cw > s.mw || s.cw === 0) s.cw = s.mw;
  else if (s.di > 1) s.cw = Math.floor(s.cw / s.di) * s.di + 1;
}

const NO_DEST = -1;
const ALL_OVERLOADED = -2;

/**
 * ip_vs_wrr_schedule: scan on from cl for weight ≥ cw, lowering cw by di at each wrap; give up
 * after every dest was checked with cw ≤ di. Returns an index, NO_DEST or ALL_OVERLOADED.
 */
function pick(s: WrrState, dests: readonly Dest[]): number {
  if (s.mw === 0) return NO_DEST;
  const n = dests.length;
  const last = s.cl;
  let stop = -2;
  let lastPass = false;
  let restarted = false;
  let i = s.cl;
  for (;;) {
    for (i = i + 1; i < n; i++) {
      const d = dests[i]!;
      if (!d.overloaded && d.weight >= s.cw) {
        s.cl = i;
        return i;
      }
      if (i === stop) {
        s.cl = i;
        return ALL_OVERLOADED;
      }
    }
    i = -1;
    s.cw -= s.di;
    if (s.cw <= 0) {
      s.cw = s.mw;
      if (lastPass || last === -1) {
        s.cl = -1;
        return ALL_OVERLOADED;
      }
      restarted = true;
    }
    lastPass = s.cw <= s.di;
    // The first pass with cw ≤ di only saw dests after `last`: also check those up to it.
    if (lastPass && restarted && last !== -1) stop = last;
  }
}

/** The explanation's params, made with `new` (explain.ts: plainParams says why). */
class WrrParams {
  [name: string]: string | number | boolean;
  declare readonly cw: number;
  declare readonly mw: number;
  declare readonly di: number;
  declare readonly cwBefore: number;
  declare readonly from: number;
  declare readonly position: number;
  // Declared, not defined: plain stores, no class-field definitions per object.
  constructor(cw: number, mw: number, di: number, cwBefore: number, from: number, position: number) {
    this.cw = cw;
    this.mw = mw;
    this.di = di;
    this.cwBefore = cwBefore;
    this.from = from;
    this.position = position;
  }
}

/**
 * Recent params by position and current weight: a wrr cycle repeats its steps, and equal params
 * are then one object (mh.ts says why). A direct-mapped memo of values, not state.
 */
const MEMO_BITS = 10;
const memo: (WrrParams | undefined)[] = new Array<WrrParams | undefined>(1 << MEMO_BITS).fill(undefined);

function wrrParams(
  cw: number,
  mw: number,
  di: number,
  cwBefore: number,
  from: number,
  position: number,
): WrrParams {
  const at = (Math.imul(from, 0x9e3779b1) ^ Math.imul(cwBefore, 0x85ebca6b) ^ position) >>> (32 - MEMO_BITS);
  const p = memo[at];
  if (
    p !== undefined &&
    p.cw === cw &&
    p.mw === mw &&
    p.di === di &&
    p.cwBefore === cwBefore &&
    p.from === from &&
    p.position === position
  )
    return p;
  return (memo[at] = new WrrParams(cw, mw, di, cwBefore, from, position));
}

function schedule(s: WrrState, svc: SchedService, _pkt: SchedPacket, ctx: SchedContext): ScheduleResult {
  const from = s.cl;
  const cwBefore = s.cw;
  const i = pick(s, svc.dests);
  const d = i >= 0 ? svc.dests[i] : undefined;
  if (!ctx.explain) return { dest: d };
  const rule = d ? 'wrr.weight-ge-cw' : i === NO_DEST ? NONE_NO_ELIGIBLE : NONE_OVERLOADED;
  const params = wrrParams(s.cw, s.mw, s.di, cwBefore, from, s.cl);
  return result(d, explanation(ctx, 'wrr', svc.dests, USABLE_BY_WEIGHT, d, rule, params));
}

export const wrr: Scheduler<WrrState> = { name: 'wrr', createState, update, schedule };

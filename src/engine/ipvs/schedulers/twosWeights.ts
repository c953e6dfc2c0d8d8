import type { Dest } from '../types';
import { CountedDest, destEpoch } from './countedDest';
import { isAnnounced } from './explain';

/**
 * twos's running sums of the usable weights, kept from one decision to the next: a decision reads
 * every dest's weight and OVERLOAD flag only when one of them may have changed. The engine's dests
 * (CountedDest) count every such change in `destEpoch.weights`, and so do the engine's lists
 * (announced, explain.ts); other lists are compared dest by dest, and lists of other objects are
 * summed at every decision. A memo of values, not state: forgetting it only sums again.
 */
export const FAST_DESTS = 256;

/** Running sums of the usable weights in list order (the first `usable`), and each one's list index. */
export const cum = new Int32Array(FAST_DESTS);
export const at = new Int32Array(FAST_DESTS);

/**
 * For totals up to DRAW_TABLE, the usable dest (its place in `cum`) each draw r in [0, total]
 * lands on: r is at place k when cum[k - 1] < r ≤ cum[k] (r = 0 at the first).
 */
export const DRAW_TABLE = 1 << 12;
export const placeOf = new Uint8Array(DRAW_TABLE + 1);

/** What the sums are of: the list, its dests then, and the epoch they were read at. */
const summed: Dest[] = [];
let summedList: readonly Dest[] | undefined;
let summedEpoch = -1;
/** The sums' total and their count; whether `placeOf` is filled for them. */
export const sums = { total: 0, usable: 0, table: false };

/** Whether the list announces its changes (then they count in the epoch: no need to compare its dests). */
let summedAnnounced = false;

function unchanged(dests: readonly Dest[]): boolean {
  if (dests !== summedList || summedEpoch !== destEpoch.weights || dests.length !== summed.length)
    return false;
  if (summedAnnounced) return true;
  for (let i = 0; i < dests.length; i++) if (dests[i] !== summed[i]) return false;
  return true;
}

/**
 * Fill `cum`, `at` and `sums` for `dests` (at most FAST_DESTS of them), reusing the last sums when
 * the list holds the same CountedDests and none changed weight or OVERLOAD since.
 */
export function sumWeights(dests: readonly Dest[]): void {
  if (unchanged(dests)) return;
  let total = 0;
  let m = 0;
  let counted = true;
  for (let i = 0; i < dests.length; i++) {
    const d = dests[i]!;
    if (!(d instanceof CountedDest)) counted = false;
    if (d.overloaded) continue;
    const w = d.weight;
    if (w <= 0) continue;
    total += w;
    cum[m] = total;
    at[m++] = i;
  }
  sums.total = total;
  sums.usable = m;
  sums.table = m <= 256 && total <= DRAW_TABLE;
  if (sums.table) for (let k = 0, r = 0; k < m; k++) for (const end = cum[k]!; r <= end; r++) placeOf[r] = k;
  summedList = counted ? dests : undefined;
  summedEpoch = destEpoch.weights;
  summedAnnounced = counted && isAnnounced(dests);
  summed.length = 0;
  if (counted) for (let i = 0; i < dests.length; i++) summed.push(dests[i]!);
}

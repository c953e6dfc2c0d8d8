import type { Dest } from '../types';

/** A hash table of dest indices into svc.dests (-1 = empty bucket), rebuilt on list changes. */
export type BucketTable = number[];

/**
 * mh's 4,093 buckets: 16-bit words when the list is short enough (a quarter of an array of small
 * integers: a decision's one random read into it misses the cache less often).
 */
export type MhBuckets = Int16Array | Int32Array;

/** Dest owning bucket `b`, if any. */
export function bucketDest(
  table: BucketTable | MhBuckets,
  dests: readonly Dest[],
  b: number,
): Dest | undefined {
  const j = table[b] ?? -1;
  return j >= 0 ? dests[j] : undefined;
}

/** sh/mh "is_unavailable": weight ≤ 0 or OVERLOADed (no AVAILABLE check: the table drops deleted dests). */
export function hashUnavailable(d: Dest): boolean {
  return d.weight <= 0 || d.overloaded;
}

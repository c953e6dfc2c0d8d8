import type { Dest } from '../types';

/** A hash table of dest indices into svc.dests (-1 = empty bucket), rebuilt on list changes. */
export type BucketTable = number[];

/** Dest owning bucket `b`, if any. */
export function bucketDest(table: BucketTable, dests: readonly Dest[], b: number): Dest | undefined {
  const j = table[b] ?? -1;
  return j >= 0 ? dests[j] : undefined;
}

/** sh/mh "is_unavailable": weight ≤ 0 or OVERLOADed (no AVAILABLE check: the table drops deleted dests). */
export function hashUnavailable(d: Dest): boolean {
  return d.weight <= 0 || d.overloaded;
}

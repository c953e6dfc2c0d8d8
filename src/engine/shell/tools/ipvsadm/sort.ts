/**
 * The order ipvsadm lists things in (ipvsadm 1.31). Sorted: libipvs compares with plain `int`
 * subtraction of unsigned values, so differences of 2^31 or more wrap (200.0.0.1 sorts before
 * 10.0.0.1), and such a comparator is not even transitive, so the result depends on the sort
 * algorithm: glibc's qsort, which is a merge sort (CentOS 7, glibc 2.17). Unsorted (--nosort):
 * the kernel's own order, its service hash table for services and list order for dests.
 */
import { dottedToU32 } from './inet';

/** `(int)(a - b)` for two unsigned 32-bit values. */
export const intDiff = (a: number, b: number): number => (a - b) | 0;

/** glibc msort_with_tmp: halves n/2 and n - n/2, merge taking the left item while cmp <= 0. */
export function glibcQsort<T>(items: readonly T[], cmp: (a: T, b: T) => number): T[] {
  if (items.length <= 1) return [...items];
  const n1 = items.length >> 1;
  const left = glibcQsort(items.slice(0, n1), cmp);
  const right = glibcQsort(items.slice(n1), cmp);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if (cmp(left[i]!, right[j]!) <= 0) out.push(left[i++]!);
    else out.push(right[j++]!);
  }
  return out.concat(left.slice(i), right.slice(j));
}

/** What ipvs_cmp_services reads of a service entry. */
export interface SvcSortKey {
  fwmark: number;
  /** IPPROTO number: 6 tcp, 17 udp, 132 sctp; 0 for fwmark services (the kernel sends none). */
  protocol: number;
  addr: string;
  port: number;
}

/** ipvs_cmp_services: fwmark, family (always INET here), protocol, address, port. */
export function cmpServices(a: SvcSortKey, b: SvcSortKey): number {
  return (
    intDiff(a.fwmark, b.fwmark) ||
    a.protocol - b.protocol ||
    intDiff(dottedToU32(a.addr), dottedToU32(b.addr)) ||
    a.port - b.port
  );
}

/** ipvs_cmp_dests: address, then port. */
export function cmpDests(a: { addr: string; port: number }, b: { addr: string; port: number }): number {
  return intDiff(dottedToU32(a.addr), dottedToU32(b.addr)) || a.port - b.port;
}

const SVC_TAB_BITS = 8;
const SVC_TAB_MASK = (1 << SVC_TAB_BITS) - 1;

/**
 * ip_vs_svc_hashkey / ip_vs_svc_fwm_hashkey. `salt` stands for `(size_t)ipvs >> 8`, a kernel
 * pointer: arbitrary but fixed for the life of the host.
 */
export function svcBucket(k: SvcSortKey, salt: number): number {
  if (k.fwmark) return (salt ^ k.fwmark) & SVC_TAB_MASK;
  const ahash = (dottedToU32(k.addr) ^ salt) >>> 0;
  return (k.protocol ^ ahash ^ (k.port >> SVC_TAB_BITS) ^ k.port) & SVC_TAB_MASK;
}

/**
 * The netlink dump order: the address table's buckets 0..255, then the fwmark table's; inside a
 * bucket the newest service first (hlist_add_head). `byAge` is oldest first.
 */
export function kernelServiceOrder<T extends SvcSortKey>(byAge: readonly T[], salt: number): T[] {
  const newestFirst = [...byAge].reverse();
  const table = (fw: boolean): T[] =>
    glibcQsort(
      newestFirst.filter((s) => (s.fwmark !== 0) === fw),
      (a, b) => svcBucket(a, salt) - svcBucket(b, salt),
    );
  return [...table(false), ...table(true)];
}

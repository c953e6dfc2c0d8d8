import type { Ipv4 } from '../packet/types';
import { TupleKeys } from './tupleKey';

/** The ports of a tuple as one 32-bit integer (a small integer for V8 on a 64-bit host, no heap number). */
function portsKey(p: number, q: number): number {
  return (p << 16) | q | 0;
}

/**
 * A lookup table by (tag, address, port, address, port) in two levels: the address pair (and tag)
 * first, then the two ports as one integer. A one-level table by a 52-bit number (tupleKey.ts)
 * hashed a heap number per lookup and compared the heap numbers along its chains, in a table of
 * tens of thousands of entries (a busy lab's minute of TIME_WAIT); here a lookup for a pair that
 * has no entry (every request packet IPVS asks about in the reply direction) ends in a small
 * table, and one for a pair that has them compares integers. No order is kept: a table that lists
 * its entries keeps them elsewhere. Address ids are a TupleKeys' (given the first time an address
 * is stored, never taken back), shared with the table's other keys when it has one.
 */
export class TupleIndex<V> {
  constructor(private readonly keys: TupleKeys = new TupleKeys()) {}

  /** Per (tag, id, id): the entries by ports. A pair's table stays once made. */
  private readonly pairs = new Map<number, Map<number, V>>();
  /** The last two pairs asked and their tables (undefined: none yet), most recent first. */
  private pa: Ipv4 | undefined;
  private pb: Ipv4 | undefined;
  private pt = -1;
  private pm: Map<number, V> | undefined;
  private qa: Ipv4 | undefined;
  private qb: Ipv4 | undefined;
  private qt = -1;
  private qm: Map<number, V> | undefined;

  get(tag: number, a: Ipv4, p: number, b: Ipv4, q: number): V | undefined {
    return this.pairOf(tag, a, b, false)?.get(portsKey(p, q));
  }

  set(tag: number, a: Ipv4, p: number, b: Ipv4, q: number, v: V): void {
    this.pairOf(tag, a, b, true)!.set(portsKey(p, q), v);
  }

  /** Removes the entry if it is `v` (an entry replaced since is left alone). */
  delete(tag: number, a: Ipv4, p: number, b: Ipv4, q: number, v: V): void {
    const m = this.pairOf(tag, a, b, false);
    const k = portsKey(p, q);
    if (m !== undefined && m.get(k) === v) m.delete(k);
  }

  /** The number of entries (tests). */
  get size(): number {
    let n = 0;
    for (const m of this.pairs.values()) n += m.size;
    return n;
  }

  private pairOf(tag: number, a: Ipv4, b: Ipv4, make: boolean): Map<number, V> | undefined {
    if (a === this.pa && b === this.pb && tag === this.pt && (this.pm !== undefined || !make)) return this.pm;
    if (a === this.qa && b === this.qb && tag === this.qt && (this.qm !== undefined || !make)) return this.qm;
    const keys = this.keys;
    const x = keys.idOf(a);
    const y = keys.idOf(b);
    let m: Map<number, V> | undefined;
    if (x !== undefined && y !== undefined) m = this.pairs.get(pairKey(tag, x, y));
    if (m === undefined && make) {
      this.pairs.set(pairKey(tag, keys.intern(a), keys.intern(b)), (m = new Map()));
      // A pair remembered as having no table now has one.
      this.pa = this.qa = undefined;
    }
    this.qa = this.pa;
    this.qb = this.pb;
    this.qt = this.pt;
    this.qm = this.pm;
    this.pa = a;
    this.pb = b;
    this.pt = tag;
    this.pm = m;
    return m;
  }
}

/** (tag, x, y) as one number: exact for tags below 2^4 and ids below 2^24. */
function pairKey(tag: number, x: number, y: number): number {
  return (tag * 0x100_0000 + x) * 0x100_0000 + y;
}

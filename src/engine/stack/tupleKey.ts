import type { Ipv4 } from '../packet/types';

/** Address ids fit 9 bits each, so tag (2 bits), two ids and two ports make 52 bits: exact in a double. */
const ID_LIMIT = 512;

/**
 * Numeric keys for connection tables (the socket table, IPVS's connection table), as the kernel
 * hashes numbers rather than text: each address gets a small id the first time a table stores it,
 * and (tag, address, port, address, port) packs into one number. A key string per entry took
 * ~56 bytes and a concatenation per lookup; a number key takes a heap number at most. Past 512
 * addresses an entry falls back to a string key, so every tuple still has exactly one key (Map
 * order, and so `ss` and `ipvsadm -Lnc` order, is unchanged either way).
 */
export class TupleKeys {
  private readonly ids = new Map<Ipv4, number>();
  /** By id: the first string stored for each address. */
  private readonly addrs: Ipv4[] = [];
  /**
   * The last two address pairs found or stored, with their ids (most recent first): a packet is looked up
   * by the same pair more than once (IPVS's out and in hooks one after the other, a request and
   * its reply alternating), and an id never changes once given, so a pair's ids stay right. Saves
   * two hash lookups a hit; only pairs whose both addresses have ids are kept.
   */
  private pa: Ipv4 | undefined;
  private pb: Ipv4 | undefined;
  private px = 0;
  private py = 0;
  private qa: Ipv4 | undefined;
  private qb: Ipv4 | undefined;
  private qx = 0;
  private qy = 0;

  /** The key to store an entry under (gives new addresses their ids). */
  store(tag: number, a: Ipv4, p: number, b: Ipv4, q: number): number | string {
    if (a === this.pa && b === this.pb) return pack(tag, this.px, a, p, this.py, b, q);
    if (a === this.qa && b === this.qb) return pack(tag, this.qx, a, p, this.qy, b, q);
    const x = this.intern(a);
    const y = this.intern(b);
    this.remember(a, x, b, y);
    return pack(tag, x, a, p, y, b, q);
  }

  /** The key to look an entry up by; undefined when no entry can have it (an address never stored). */
  find(tag: number, a: Ipv4, p: number, b: Ipv4, q: number): number | string | undefined {
    if (a === this.pa && b === this.pb) return pack(tag, this.px, a, p, this.py, b, q);
    if (a === this.qa && b === this.qb) return pack(tag, this.qx, a, p, this.qy, b, q);
    const x = this.ids.get(a);
    const y = this.ids.get(b);
    if (x === undefined || y === undefined) return undefined;
    this.remember(a, x, b, y);
    return pack(tag, x, a, p, y, b, q);
  }

  /** The pair just looked up becomes the most recent; the older one the second. */
  private remember(a: Ipv4, x: number, b: Ipv4, y: number): void {
    this.qa = this.pa;
    this.qb = this.pb;
    this.qx = this.px;
    this.qy = this.py;
    this.pa = a;
    this.pb = b;
    this.px = x;
    this.py = y;
  }

  /**
   * The table's own copy of an address equal to `a`: an entry that keeps it shares one string with
   * every other entry (a client's curl parses the VIP into a fresh string per request).
   */
  canon(a: Ipv4): Ipv4 {
    return this.addrs[this.intern(a)]!;
  }

  /** `a`'s id, if a table has stored it (TupleIndex shares these ids). */
  idOf(a: Ipv4): number | undefined {
    return this.ids.get(a);
  }

  /** `a`'s id, given now if it has none (ids never change once given). */
  intern(a: Ipv4): number {
    let id = this.ids.get(a);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(a, id);
      this.addrs.push(a);
    }
    return id;
  }
}

function pack(tag: number, x: number, a: Ipv4, p: number, y: number, b: Ipv4, q: number): number | string {
  if (x >= ID_LIMIT || y >= ID_LIMIT) return `${tag}|${a}:${p}|${b}:${q}`;
  return ((tag * ID_LIMIT + x) * ID_LIMIT + y) * 0x1_0000_0000 + p * 0x1_0000 + q;
}

/**
 * A trace store's strings: interned once each, or, for ids like `pkt#12`, kept as their number
 * and prefix. Codes are the store's tagged slots (STR, ID). Strings and prefixes are never
 * forgotten (a truncated store keeps them), so a code handed out stays valid. (A direct-mapped
 * cache in front of the map, keyed by a string's last characters, measured slower on the lab
 * runner: reading characters of a freshly concatenated string flattens it first.)
 */

/** Value tags shared with traceStore.ts. */
export const STR = 1;
export const ID = 5;

const MAX_ID = 1 << 23;
const MAX_PREFIXES = 16;

export class TraceStrings {
  private readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly prefixes: string[] = [];
  /**
   * The last ids parsed and their slots: a packet's id names the event after event it passes (its
   * hooks, routes, frames), and comparing the same string object is cheaper than parsing it again.
   */
  private id0 = '';
  private slot0 = -1;
  private id1 = '';
  private slot1 = -1;

  /** Strings interned so far. */
  get length(): number {
    return this.list.length;
  }

  /**
   * The tagged slot for `s`. Ids are never in the map: a string found there skips the scan for
   * '#', and with `idFirst` (its field held an id last time: a packet, a frame) an id skips the
   * map's hashing of a fresh string.
   */
  code(s: string, idFirst = false): number {
    if (idFirst) {
      const id = this.idOf(s);
      if (id >= 0) return id;
    }
    let n = this.ids.get(s);
    if (n === undefined) {
      const id = idFirst ? -1 : this.idOf(s);
      if (id >= 0) return id;
      n = this.list.length;
      this.list.push(s);
      this.ids.set(s, n);
    }
    return (n << 3) | STR;
  }

  /** The string a STR or ID slot's payload stands for. */
  stringOf(payload: number): string {
    return this.list[payload]!;
  }

  idOfPayload(payload: number): string {
    return `${this.prefixes[payload & 15]}#${payload >>> 4}`;
  }

  /** `s` as an ID slot if it is an id of a prefix met before (nothing is added), else -1. */
  knownId(s: string): number {
    return this.idOf(s, false);
  }

  /** `prefix#n` (no leading zeros) as an ID slot, else -1; a new prefix is added if `add`. */
  private idOf(s: string, add = true): number {
    if (s === this.id0) return this.slot0;
    if (s === this.id1) return this.slot1;
    const x = this.parseId(s, add);
    // Remembered only as an id: a string that is none stays unparsed-for (a later new prefix may make it one).
    if (x >= 0) {
      this.id1 = this.id0;
      this.slot1 = this.slot0;
      this.id0 = s;
      this.slot0 = x;
    }
    return x;
  }

  private parseId(s: string, add: boolean): number {
    const h = s.indexOf('#');
    if (h <= 0 || h === s.length - 1 || s.length - h > 8) return -1;
    if (s.charCodeAt(h + 1) === 48 && s.length - h > 2) return -1;
    let n = 0;
    for (let j = h + 1; j < s.length; j++) {
      const c = s.charCodeAt(j) - 48;
      if (c < 0 || c > 9) return -1;
      n = n * 10 + c;
    }
    if (n >= MAX_ID) return -1;
    let p = 0;
    while (p < this.prefixes.length && !(this.prefixes[p]!.length === h && s.startsWith(this.prefixes[p]!)))
      p++;
    if (p === this.prefixes.length) {
      if (p === MAX_PREFIXES || !add) return -1;
      this.prefixes.push(s.slice(0, h));
    }
    return (((n << 4) | p) << 3) | ID;
  }
}

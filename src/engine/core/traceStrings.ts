/**
 * A trace store's strings: interned once each, or, for ids like `pkt#12`, kept as their number
 * and prefix. Codes are the store's tagged slots (STR, ID). A small direct-mapped cache keyed by
 * a few characters sits in front of the intern map: a client's `ip:port` that a field meets too
 * seldom for the field's own cache costs a few character reads instead of a map lookup. Strings and
 * prefixes are never forgotten (a truncated store keeps them), so a cached code stays valid.
 */

/** Value tags shared with traceStore.ts. */
export const STR = 1;
export const ID = 5;

const MAX_ID = 1 << 23;
const MAX_PREFIXES = 16;
const CACHE_BITS = 10;
const CACHE_MASK = (1 << CACHE_BITS) - 1;
const NO_STRINGS: (string | undefined)[] = [];
const NO_CODES = new Int32Array(0);

export class TraceStrings {
  private readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly prefixes: string[] = [];
  /** The cache: made on first use, given back by `seal` (a sealed chunk is only read). */
  private cached = NO_STRINGS;
  private codes = NO_CODES;

  /** Strings interned so far. */
  get length(): number {
    return this.list.length;
  }

  /** The tagged slot for `s`. */
  code(s: string): number {
    // The end of a string varies most (ports, id numbers): its last 8 characters and length.
    const n = s.length;
    let h = n;
    for (let j = n > 8 ? n - 8 : 0; j < n; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
    h = (h ^ (h >>> 15)) & CACHE_MASK;
    if (this.cached[h] === s) return this.codes[h]!;
    const x = this.uncached(s);
    if (this.cached === NO_STRINGS) {
      this.cached = new Array<string | undefined>(CACHE_MASK + 1).fill(undefined);
      this.codes = new Int32Array(CACHE_MASK + 1);
    }
    this.cached[h] = s;
    this.codes[h] = x;
    return x;
  }

  /** The string a STR or ID slot's payload stands for. */
  stringOf(payload: number): string {
    return this.list[payload]!;
  }

  idOfPayload(payload: number): string {
    return `${this.prefixes[payload & 15]}#${payload >>> 4}`;
  }

  /** Writes are over (the chunk is full): drop the cache. */
  seal(): void {
    this.cached = NO_STRINGS;
    this.codes = NO_CODES;
  }

  private uncached(s: string): number {
    const id = this.idOf(s);
    if (id >= 0) return id;
    let n = this.ids.get(s);
    if (n === undefined) {
      n = this.list.length;
      this.list.push(s);
      this.ids.set(s, n);
    }
    return (n << 3) | STR;
  }

  /** `prefix#n` (no leading zeros) as an ID slot, else -1. */
  private idOf(s: string): number {
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
      if (p === MAX_PREFIXES) return -1;
      this.prefixes.push(s.slice(0, h));
    }
    return (((n << 4) | p) << 3) | ID;
  }
}

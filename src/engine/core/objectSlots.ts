/**
 * The trace's plain objects and arrays (frames and their headers, hook runs) encoded into one
 * Int32Array, so a stored frame is a few dozen int slots instead of a retained object graph. An
 * object is a header word (its key list's index << 1) then one tagged slot per key, in key order;
 * an array is (length << 1 | 1) then one slot per element. Slot values use the trace store's tags
 * (strings interned, ids as numbers); a nested plain object is a STRUCT slot holding its offset.
 *
 * An object met again while still recent (the packet a frame carried, shown again by ipvs.xmit; a
 * host's hook-run list; the empty list) is not written twice: its slot points at the first copy.
 * Reading rebuilds fresh plain objects with the same keys in the same order and equal values.
 *
 * The word format (header bits, row marks, nested objects in place): objectWords.ts; reading the
 * words back (visit, end, decode): objectReader.ts, this class's base.
 *
 * Most objects are written in row form instead (traceRows.ts): the header names a row holding the
 * key list and the values that recur (a packet's version, flags, addresses, ports of a service),
 * and only the values that vary (ids, sequence numbers, nested objects) follow it. An IPv4 header
 * then takes three or four words instead of twelve.
 */
import { growTyped } from './growTyped';
import { ObjectReader, STRUCT_TAG } from './objectReader';
import { UNSAFE } from './objectShapes';
import { RecentObjects } from './recentObjects';
import {
  ARRAY,
  ARRAY_SHAPE,
  FORWARD,
  isPlain,
  NEST,
  NESTED,
  OBJECT,
  RAW,
  RAW_INT,
  RAW_MIN,
  ROW,
  TAGGED,
} from './objectWords';
import { VAR } from './traceRows';
import { cachedCode } from './fieldCaches';
import type { TraceStrings } from './traceStrings';

export { STRUCT_TAG };

/** Deeper than this, a value is kept by reference (a cycle must not recurse forever). */
const MAX_DEPTH = 32;
/** Offsets must fit a slot's 28-bit payload; past that, objects are kept by reference. */
const MAX_WORDS = 1 << 28;

/**
 * An integer goes into a row once its field held the same value this many times in a row (an
 * ethertype, an MSS): a packet's id or port repeats only over its few hops, and would make a new
 * row per packet.
 */
const STEADY = 8;

/** Frozen objects remembered by identity (a segment's shared TCP options: NOP, SACK_OK, MSS, WSCALE). */
const CONSTANTS = 8;

/** Per field of a row shape, its last slot and how many times in a row it held it. */
interface FieldStats {
  last: Int32Array;
  sames: Uint8Array;
}

type Encode = (v: unknown) => number;
type Decode = (x: number) => unknown;

export class ObjectSlots extends ObjectReader {
  /** The objects remembered for sharing, and their slots (recentObjects.ts). */
  private readonly recent = new RecentObjects();
  /**
   * Frozen objects whose row holds all their values (the TCP options every segment shares), with
   * their row's first copy: an array's element found here is not walked, coded nor looked up again.
   */
  private readonly constants = new RecentObjects(CONSTANTS);
  /**
   * Per row, the word its first object was written at (truncation drops the rows made after); an
   * object whose row holds all its values is that first copy again, not a copy of its own.
   */
  private madeAt = new Uint32Array(64);
  /** Per row shape, each field's last slot and how many times in a row it changed. */
  private readonly stats: FieldStats[] = [];
  /** The same for arrays, by length. */
  private readonly arrayStats: FieldStats[] = [];
  /** Scratch for objects being written (nested ones above their parent's part). */
  private scratch = new Int32Array(256);
  /** Per scratch word, 1 where it holds a raw integer (RAW) rather than a tagged slot. */
  private rawAt = new Uint8Array(256);
  private top = 0;
  /** The values of the objects being written, read once with their keys (nested ones above their parent's). */
  private vals: unknown[] = [];
  private vtop = 0;

  /**
   * @param encodeValue encodes a non-object value (and, through this class, nested objects)
   * @param decodeValue decodes any tagged slot
   * @param byReference stores an object that is not plain data, returning its slot
   */
  constructor(
    private readonly encodeValue: Encode,
    decodeValue: Decode,
    private readonly byReference: (o: object) => number,
    /** Whether a slot value recurs (constants, small integers, strings met long ago): row material. */
    private readonly recurs: (x: number) => boolean,
    /** The store's strings: a string field is coded as `encodeValue` would, past a cache. */
    private readonly strs: TraceStrings,
    words = 1024,
    maxRows?: number,
  ) {
    super(decodeValue, words, maxRows);
  }

  /**
   * A slot for `v`: encoded if plain data, else by reference; shared if seen recently. With `ask`
   * false the sharing maps are not asked (the caller knows `v` is fresh: a frame made for the
   * event); with `tell` false they are not told either (an element of an array, a TCP option, is
   * met again only with its array).
   */
  encode(v: object, depth = 0, ask = true, tell = ask, hints?: Int32Array, k = 0): number {
    // Kept by reference (an explanation): not worth remembering for sharing, whose map costs
    // more than the slot a second reference would take.
    if (!isPlain(v)) return this.byReference(v);
    if (ask) {
      const seen = this.recent.recall(v);
      if (seen !== -1) return seen;
    }
    const slot =
      depth < MAX_DEPTH && this.used < MAX_WORDS ? this.write(v, depth, hints, k) : this.byReference(v);
    if (tell) this.recent.remember(v, slot);
    return slot;
  }

  /** Give back spare room and forget the objects remembered for sharing (no writes expected). */
  seal(): void {
    // Sized from the chunk before, nearly full: a little spare room costs less than a copy.
    if (this.slots.length - this.used > this.slots.length >>> 4) this.slots = this.slots.slice(0, this.used);
    this.rows.seal();
    this.madeAt = this.madeAt.slice(0, this.rows.length);
    this.keyLists.dropCaches();
    this.vals = [];
    this.recent.forget();
    this.constants.forget();
  }

  /** Forget everything from word `length` on (the trace was truncated). */
  truncate(length: number): void {
    this.used = Math.min(this.used, length);
    let r = this.rows.length;
    while (r > 0 && this.madeAt[r - 1]! >= this.used) r--;
    this.rows.truncate(r);
    this.recent.forget();
    this.constants.forget();
  }

  /**
   * Write `v` (nested at `depth`); `hints[k]` (its parent's guesses, per key, at the key list of the
   * object found there) is tried first and set to the key list `v` has.
   */
  private write(v: object, depth: number, hints: Int32Array | undefined, k0: number): number {
    const isArray = Array.isArray(v);
    // Keys are matched against a known shape as they are enumerated: no key or value list per object.
    const vb = this.vtop;
    const shape = isArray
      ? ARRAY_SHAPE | (v as unknown[]).length
      : this.keyLists.of(v, hints?.[k0] ?? -1, this.vals, vb);
    if (hints !== undefined && !isArray) hints[k0] = shape;
    // An own `__proto__` key would set the prototype when read back: kept by reference.
    if (shape === UNSAFE) return this.byReference(v);
    const n = isArray ? (v as unknown[]).length : this.shapes[shape]!.length;
    // The header's word is taken first; nested objects written for this one follow it, so this
    // one's slots are final when its row is looked up.
    const at = this.used;
    this.claim(1);
    const base = this.top;
    this.top += 2 * n;
    if (this.top > this.scratch.length) {
      this.scratch = growTyped(this.scratch, this.top);
      this.rawAt = growTyped(this.rawAt, this.top);
    }
    if (isArray) {
      const hints = this.keyLists.arrayHints(n);
      for (let k = 0; k < n; k++) this.put(base + k, (v as unknown[])[k], depth, false, hints, k);
    } else {
      const cache = this.keyLists.cachesOf(shape);
      // The values `of` read: nested objects' values go above them.
      const vals = this.vals;
      this.vtop = vb + n;
      for (let k = 0; k < n; k++) {
        const x = vals[vb + k];
        if (typeof x === 'string') {
          // A string field (an address) recurs: compared with the ones stored there last.
          this.scratch[base + k] =
            cache === undefined ? this.strs.code(x) : cachedCode(cache, k, x, this.strs);
          this.rawAt[base + k] = TAGGED;
        } else this.put(base + k, x, depth, true, this.keyLists.hints[shape], k);
      }
      this.vtop = vb;
    }
    const row = n < ARRAY_SHAPE ? this.rowOf(shape, base, n, at) : -1;
    if (row >= 0) {
      const own = this.rows.varsOf(row);
      if (own === 0 && this.used === at + 1 && this.madeAt[row]! < at) {
        // Nothing of its own (a TCP option `{ kind: 'nop' }`): the row's first copy is this value.
        this.used = at;
        this.top = base;
        const first = (this.madeAt[row]! << 3) | STRUCT_TAG;
        // Frozen, it cannot hold other values when met again: found by identity next time.
        if (Object.isFrozen(v)) this.constants.remember(v, first);
        return first;
      }
      const from = this.used;
      this.claim(own);
      this.slots[at] = (row << 2) | ROW;
      for (let k = 0; k < own; k++) this.slots[from + k] = this.scratch[base + n + k]!;
    } else {
      // Whole: after the nested objects, if any, with a forward to it in the header's word.
      let h = at;
      if (this.used > at + 1) {
        h = this.used;
        this.slots[at] = (h << 2) | FORWARD;
        this.claim(1);
      }
      this.claim(n);
      this.slots[h] = shape & ARRAY_SHAPE ? (n << 2) | ARRAY : (shape << 2) | OBJECT;
      // Without a row there is no RAW mark: raw integers go to the number pool after all.
      for (let k = 0; k < n; k++) {
        const w = this.scratch[base + k]!;
        this.slots[h + 1 + k] = this.rawAt[base + k] === RAW_INT ? this.encodeValue(w >>> 0) : w;
      }
    }
    this.top = base;
    return (at << 3) | STRUCT_TAG;
  }

  /**
   * Encode value `x` into scratch word `at`, marked RAW_INT (a large unsigned integer), NESTED
   * (an object written right here for this one) or TAGGED.
   */
  private put(
    at: number,
    x: unknown,
    depth: number,
    share: boolean,
    hints: Int32Array | undefined,
    k: number,
  ): void {
    const raw = typeof x === 'number' && x >= RAW_MIN && x <= 0xffffffff && Number.isInteger(x);
    let mark = raw ? RAW_INT : TAGGED;
    let word: number;
    if (raw) word = (x as number) | 0;
    else if (x !== null && typeof x === 'object') {
      // An array's element may be a shared constant (objects met by field are the ring's concern).
      const known = share ? -1 : this.constants.recall(x);
      if (known !== -1) word = known;
      else {
        const before = this.used;
        word = this.encode(x, depth + 1, share, share, hints, k);
        // Written right here (not shared, not kept by reference): nested in place.
        if (word === ((before << 3) | STRUCT_TAG) && this.used > before) mark = NESTED;
      }
    } else word = this.encodeValue(x);
    // Written after the call: a nested object may grow the scratch arrays.
    this.scratch[at] = word;
    this.rawAt[at] = mark;
  }

  /**
   * The row for the slots at `scratch[base..base+n)`, which are rewritten there as the row (VAR
   * where a value varies) with the varying values after them; -1 if there is no room for rows.
   */
  private rowOf(shape: number, base: number, n: number, at: number): number {
    const all = shape & ARRAY_SHAPE ? this.arrayStats : this.stats;
    const id = shape & ~ARRAY_SHAPE;
    let st = all[id];
    if (!st) all[id] = st = { last: new Int32Array(n), sames: new Uint8Array(n) };
    const s = this.scratch;
    let own = 0;
    for (let k = 0; k < n; k++) {
      const x = s[base + k]!;
      const mark = this.rawAt[base + k];
      if (mark === NESTED) {
        s[base + k] = NEST;
        continue;
      }
      if (mark === RAW_INT) {
        s[base + n + own++] = x;
        s[base + k] = RAW;
        continue;
      }
      if (x !== st.last[k]) st.sames[k] = 0;
      else if (st.sames[k]! < 255) st.sames[k]!++;
      st.last[k] = x;
      const steady = st.sames[k]! >= STEADY;
      // Integers stay in rows while their field is steady (a port, a window); other values recur or not.
      if (this.recurs(x) || ((x & 7) === 0 && steady)) continue;
      s[base + n + own++] = x;
      s[base + k] = VAR;
    }
    const before = this.rows.length;
    const r = this.rows.intern(shape, s, n, own, base);
    if (r < 0) {
      // No row: put the varying values back in place, and the nested objects' slots (in order after `at`).
      let nested = at + 1;
      for (let k = 0, j = 0; k < n; k++) {
        if (s[base + k] === VAR || s[base + k] === RAW) s[base + k] = s[base + n + j++]!;
        else if (this.rawAt[base + k] === NESTED) {
          s[base + k] = (nested << 3) | STRUCT_TAG;
          nested = this.end(nested);
        }
      }
      return -1;
    }
    if (this.rows.length > before) {
      if (r >= this.madeAt.length) this.madeAt = growTyped(this.madeAt, r + 1);
      this.madeAt[r] = at;
    }
    return r;
  }

  private claim(n: number): void {
    const need = this.used + n;
    if (need > this.slots.length) this.slots = growTyped(this.slots, need);
    this.used = need;
  }
}

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
 */
import { growTyped } from './growTyped';

export const STRUCT_TAG = 6;

/** Deeper than this, a value is kept by reference (a cycle must not recurse forever). */
const MAX_DEPTH = 32;
/** Offsets must fit a slot's 28-bit payload; past that, objects are kept by reference. */
const MAX_WORDS = 1 << 28;
/** Objects remembered for sharing: two generations of this many (bounded, forgets old ones). */
const RECENT = 512;

type Encode = (v: unknown) => number;
type Decode = (x: number) => unknown;

function isPlain(v: object): boolean {
  const p = Object.getPrototypeOf(v) as unknown;
  return p === Object.prototype || p === null || (p === Array.prototype && Array.isArray(v));
}

export class ObjectSlots {
  private slots = new Int32Array(4096);
  private used = 0;
  private readonly shapes: (readonly string[])[] = [];
  private readonly shapesByFirst = new Map<string, number[]>();
  private recent = new Map<object, number>();
  private older = new Map<object, number>();

  /**
   * @param encodeValue encodes a non-object value (and, through this class, nested objects)
   * @param decodeValue decodes any tagged slot
   * @param byReference stores an object that is not plain data, returning its slot
   */
  constructor(
    private readonly encodeValue: Encode,
    private readonly decodeValue: Decode,
    private readonly byReference: (o: object) => number,
  ) {}

  /** Words written so far. */
  get length(): number {
    return this.used;
  }

  /** A slot for `v`: encoded if plain data, else by reference; shared if seen recently. */
  encode(v: object, depth = 0): number {
    const seen = this.recent.get(v) ?? this.older.get(v);
    if (seen !== undefined) return seen;
    const slot =
      depth < MAX_DEPTH &&
      this.used < MAX_WORDS &&
      isPlain(v) &&
      !Object.prototype.hasOwnProperty.call(v, '__proto__')
        ? this.write(v, depth)
        : this.byReference(v);
    if (this.recent.size >= RECENT) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(v, slot);
    return slot;
  }

  /** Give back spare room and forget the objects remembered for sharing (no writes expected). */
  seal(): void {
    if (this.slots.length !== this.used) this.slots = this.slots.slice(0, this.used);
    this.recent = new Map();
    this.older = new Map();
  }

  /** Forget everything from word `length` on (the trace was truncated). */
  truncate(length: number): void {
    this.used = Math.min(this.used, length);
    this.recent = new Map();
    this.older = new Map();
  }

  /** Calls `slot` with each slot of the object written at `offset`; returns the word after it. */
  visit(offset: number, slot: (x: number) => void): number {
    const h = this.slots[offset]!;
    const n = h & 1 ? h >>> 1 : this.shapes[h >>> 1]!.length;
    for (let k = 0; k < n; k++) slot(this.slots[offset + 1 + k]!);
    return offset + 1 + n;
  }

  /** The plain object or array written at `offset`, rebuilt. */
  decode(offset: number): unknown {
    const h = this.slots[offset]!;
    const n = h >>> 1;
    if (h & 1) {
      const out: unknown[] = new Array<unknown>(n);
      for (let k = 0; k < n; k++) out[k] = this.decodeValue(this.slots[offset + 1 + k]!);
      return out;
    }
    const keys = this.shapes[n]!;
    const out: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) out[keys[k]!] = this.decodeValue(this.slots[offset + 1 + k]!);
    return out;
  }

  private write(v: object, depth: number): number {
    let header: number;
    let values: unknown[];
    if (Array.isArray(v)) {
      values = v as unknown[];
      header = (values.length << 1) | 1;
    } else {
      const keys: string[] = [];
      values = [];
      for (const k in v) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        keys.push(k);
        values.push((v as Record<string, unknown>)[k]);
      }
      header = this.shapeId(keys) << 1;
    }
    const at = this.used;
    this.claim(values.length + 1);
    this.slots[at] = header;
    for (let k = 0; k < values.length; k++) {
      const x = values[k];
      const slot = x !== null && typeof x === 'object' ? this.encode(x, depth + 1) : this.encodeValue(x);
      this.slots[at + 1 + k] = slot;
    }
    return (at << 3) | STRUCT_TAG;
  }

  private claim(n: number): void {
    const need = this.used + n;
    if (need > this.slots.length) this.slots = growTyped(this.slots, need);
    this.used = need;
  }

  private shapeId(keys: readonly string[]): number {
    const first = keys[0] ?? '';
    let list = this.shapesByFirst.get(first);
    if (!list) this.shapesByFirst.set(first, (list = []));
    for (const id of list) {
      const s = this.shapes[id]!;
      if (s.length !== keys.length) continue;
      let same = true;
      for (let k = 0; k < s.length && same; k++) same = s[k] === keys[k];
      if (same) return id;
    }
    const id = this.shapes.length;
    this.shapes.push(keys);
    list.push(id);
    return id;
  }
}

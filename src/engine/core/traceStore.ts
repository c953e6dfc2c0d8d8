/**
 * Columnar storage of trace events: per event a time (Uint32Array, µs after the first event's), a shape (Uint16Array: kind and
 * key order) and an offset into one Int32Array of tagged field values. Strings are interned, ids
 * like `pkt#12` are stored as their number, plain objects and arrays (frames, headers, hook runs)
 * are encoded into a second Int32Array (objectSlots.ts) and rebuilt when read, other objects
 * (explanations) are kept by reference, so an event costs tens of bytes instead of a retained
 * object graph. `at(i)` rebuilds the plain event with its own fields in their original order, then
 * `t` and `seq` (--trace JSON is unchanged).
 */
import { growTyped as grow } from './growTyped';
import { ObjectSlots, STRUCT_TAG } from './objectSlots';

/** Value tags, in the low 3 bits of a slot. */
const INT = 0; // payload: a small integer
const STR = 1; // payload: index of an interned string
const CONST = 2; // payload: index into CONSTS
const OBJ = 3; // payload: index into `objects`
const NUM = 4; // payload: index into `numbers` (non-integers, large integers)
const ID = 5; // payload: (n << 4) | prefix index, for `prefix#n`
const STRUCT = STRUCT_TAG; // payload: offset of an encoded plain object or array in `objs`

const CONSTS = [null, false, true, undefined] as const;
const MAX_INT = 1 << 27;
const MAX_ID = 1 << 23;
const MAX_PREFIXES = 16;

interface Shape {
  id: number;
  kind: string;
  keys: readonly string[];
  /** Per field, the last string stored there and its slot: most fields repeat (host, scheduler…). */
  lastStrings: (string | undefined)[];
  lastCodes: number[];
  /**
   * Per field, misses in a row: a field that rarely repeats (a client's ip:port) skips the check,
   * which compares a fresh string's characters, and probes again after a while.
   */
  misses: number[];
}

/** Misses in a row after which a field's last string is no longer compared… */
const COLD = 4;
/** …until this many of its events have passed. */
const REPROBE = 64;

const EMPTY: readonly string[] = [];
/** Events between checkpoints of the pools' sizes (a power of two). */
const CHECK_BITS = 6;
const CHECK_EVERY = 1 << CHECK_BITS;

/** Where the pools end: words of encoded objects, objects kept by reference, numbers. */
interface PoolEnds {
  objs: number;
  objects: number;
  numbers: number;
}

/** Slots reserved before an event's fields are encoded; a wider event grows the column per field. */
const INLINE_FIELDS = 32;

/** A time stored as this offset is in `wideTimes` (it does not fit 32 bits from the base). */
const WIDE = 0xffffffff;

/** `a` cut to its first `n` elements (a copy, unless it holds exactly that many). */
function trim<T extends Uint32Array | Uint16Array | Int32Array>(a: T, n: number): T {
  return a.length === n ? a : (a.slice(0, n) as T);
}

export class TraceStore<E extends { kind: string }> {
  /** Per event, µs after `timeBase` (the first event's time): 4 bytes instead of a float's 8. */
  private times = new Uint32Array(1024);
  private timeBase = 0;
  /** Times that are not a whole number of µs from 0 to 2³² − 2 after the base (rare: ~71 min). */
  private readonly wideTimes = new Map<number, number>();
  private shapeOf = new Uint16Array(1024);
  private offsets = new Uint32Array(1025);
  private slots = new Int32Array(8192);
  private count = 0;
  private readonly shapes: Shape[] = [];
  private readonly shapesByKind = new Map<string, number[]>();
  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();
  private readonly prefixes: string[] = [];
  private readonly objects: object[] = [];
  private readonly numbers: number[] = [];
  /** Per kind, the shape its latest event had (most kinds have one shape). */
  private readonly lastShape = new Map<string, Shape>();
  /** Plain objects and arrays, encoded; and per event that grew a pool, the pools' sizes before it. */
  private readonly objs = new ObjectSlots(
    (v) => this.encode(v),
    (x) => this.decode(x),
    (o) => {
      this.objects.push(o);
      return ((this.objects.length - 1) << 3) | OBJ;
    },
  );
  /**
   * Every CHECK_EVERY events, the pools' sizes before that event wrote (objs words, objects,
   * numbers): truncation finds the sizes to go back to from the checkpoint and the few events
   * after it, instead of a mark per event that wrote (25 per request, 16 bytes each).
   */
  private checks = new Uint32Array(3 * 64);

  get length(): number {
    return this.count;
  }

  /**
   * Append one event stamped at `t` (its `t` and `seq` fields, if present, are not stored). Hot:
   * the fields are encoded straight into the slots while their keys are checked against the
   * kind's last shape; only an event of a new shape walks its keys again to find or make one.
   */
  push(t: number, ev: E): void {
    const i = this.count;
    const start = this.offsets[i]!;
    if (start + INLINE_FIELDS > this.slots.length) this.slots = grow(this.slots, start + INLINE_FIELDS);
    const kind = ev.kind;
    const last = this.lastShape.get(kind);
    const known = last === undefined ? EMPTY : last.keys;
    let same = last !== undefined;
    if ((i & (CHECK_EVERY - 1)) === 0) this.check(i);
    let n = 0;
    for (const k in ev) {
      if (k === 'kind' || k === 't' || k === 'seq') continue;
      if (same && known[n] !== k) same = false;
      if (n >= INLINE_FIELDS) this.slots = grow(this.slots, start + n + 1);
      const v = (ev as Record<string, unknown>)[k];
      if (same && typeof v === 'string') {
        // Strings are never forgotten (truncate keeps them), so a field's last code stays valid.
        const misses = last!.misses[n]!;
        if (misses >= COLD) {
          last!.misses[n] = misses === REPROBE ? 0 : misses + 1;
          this.slots[start + n] = this.encodeString(v);
        } else if (v === last!.lastStrings[n]) {
          last!.misses[n] = 0;
          this.slots[start + n] = last!.lastCodes[n]!;
        } else {
          last!.misses[n] = misses + 1;
          last!.lastStrings[n] = v;
          this.slots[start + n] = last!.lastCodes[n] = this.encodeString(v);
        }
      } else this.slots[start + n] = this.encode(v);
      n++;
    }
    // Grown after the fields: a call before the loop measured 2x slower (V8 loses the column types).
    if (i >= this.times.length) this.times = grow(this.times, i + 1);
    if (i >= this.shapeOf.length) this.shapeOf = grow(this.shapeOf, i + 1);
    if (i + 1 >= this.offsets.length) this.offsets = grow(this.offsets, i + 2);
    if (i === 0) this.timeBase = Object.is(t, -0) ? 0 : t;
    const d = t - this.timeBase;
    if (d >= 0 && d < WIDE && Number.isInteger(d) && !Object.is(d, -0)) this.times[i] = d;
    else {
      this.times[i] = WIDE;
      this.wideTimes.set(i, t);
    }
    this.shapeOf[i] = same && n === known.length ? last!.id : this.shapeOfKeys(kind, ev);
    this.offsets[i + 1] = start + n;
    this.count = i + 1;
  }

  /**
   * No more events are coming for a while (the chunk is full): give back the columns' spare room
   * (they grow by doubling) and the recently-seen objects the writer keeps for sharing. A later
   * push still works; it grows the columns again.
   */
  seal(): void {
    const n = this.count;
    this.times = trim(this.times, n);
    this.shapeOf = trim(this.shapeOf, n);
    this.offsets = trim(this.offsets, n + 1);
    this.slots = trim(this.slots, this.offsets[n]!);
    this.checks = trim(this.checks, 3 * Math.ceil(n / CHECK_EVERY));
    this.objs.seal();
  }

  /** Checkpoint before event `i` writes: the pools' sizes. */
  private check(i: number): void {
    const at = (i >>> CHECK_BITS) * 3;
    if (at + 3 > this.checks.length) this.checks = grow(this.checks, at + 3);
    this.checks[at] = this.objs.length;
    this.checks[at + 1] = this.objects.length;
    this.checks[at + 2] = this.numbers.length;
  }

  /** Widen `ends` to cover the pooled values slot `x` refers to, nested ones included. */
  private reach(x: number, ends: PoolEnds): void {
    const at = x >> 3;
    switch (x & 7) {
      case OBJ:
        ends.objects = Math.max(ends.objects, at + 1);
        return;
      case NUM:
        ends.numbers = Math.max(ends.numbers, at + 1);
        return;
      case STRUCT: {
        // Visited first: nested objects (written after their parent) widen `ends` on the way.
        const end = this.objs.visit(at, (y) => this.reach(y, ends));
        ends.objs = Math.max(ends.objs, end);
        return;
      }
      default:
    }
  }

  /** Drop every event from `length` on (the session mirror rewinds to where a new run starts). */
  truncate(length: number): void {
    if (length >= this.count) return;
    const keep = Math.max(0, length);
    // Pools are written in event order, and every value written is referred to by the event that
    // wrote it: the sizes at the checkpoint, grown to cover what the events after it refer to.
    const c = keep >>> CHECK_BITS;
    const ends: PoolEnds = {
      objs: this.checks[c * 3]!,
      objects: this.checks[c * 3 + 1]!,
      numbers: this.checks[c * 3 + 2]!,
    };
    for (let s = this.offsets[c << CHECK_BITS]!, end = this.offsets[keep]!; s < end; s++)
      this.reach(this.slots[s]!, ends);
    this.objs.truncate(ends.objs);
    this.objects.length = ends.objects;
    this.numbers.length = ends.numbers;
    for (const i of this.wideTimes.keys()) if (i >= keep) this.wideTimes.delete(i);
    this.count = keep;
  }

  /** The event at `i` as a fresh plain object (fields in emit order, then `t`, `seq`). */
  at(i: number): (E & { t: number; seq: number }) | undefined {
    if (i < 0) i += this.count;
    if (!(i >= 0 && i < this.count)) return undefined;
    const shape = this.shapes[this.shapeOf[i]!]!;
    const out: Record<string, unknown> = { kind: shape.kind };
    const start = this.offsets[i]!;
    const keys = shape.keys;
    for (let k = 0; k < keys.length; k++) out[keys[k]!] = this.decode(this.slots[start + k]!);
    out.t = this.time(i);
    out.seq = i;
    return out as E & { t: number; seq: number };
  }

  /** The kind of event `i` without building it (a cheap filter). */
  kindAt(i: number): string | undefined {
    return i >= 0 && i < this.count ? this.shapes[this.shapeOf[i]!]!.kind : undefined;
  }

  /** The time of event `i`, µs. */
  timeAt(i: number): number | undefined {
    return i >= 0 && i < this.count ? this.time(i) : undefined;
  }

  private time(i: number): number {
    const d = this.times[i]!;
    return d === WIDE ? this.wideTimes.get(i)! : this.timeBase + d;
  }

  /** Approximate bytes held by the columns (not by the shared objects they refer to). */
  columnBytes(): number {
    const end = this.offsets[this.count]!;
    return (
      this.count * (4 + 2 + 4) +
      this.wideTimes.size * 16 +
      end * 4 +
      this.numbers.length * 8 +
      this.objects.length * 8 +
      this.objs.length * 4 +
      Math.ceil(this.count / CHECK_EVERY) * 12
    );
  }

  /** The shape of an event whose keys differ from its kind's last one: found or made, then remembered. */
  private shapeOfKeys(kind: string, ev: E): number {
    const keys: string[] = [];
    for (const k in ev) if (k !== 'kind' && k !== 't' && k !== 'seq') keys.push(k);
    let list = this.shapesByKind.get(kind);
    if (!list) this.shapesByKind.set(kind, (list = []));
    for (const id of list) {
      const s = this.shapes[id]!;
      if (s.keys.length !== keys.length) continue;
      let same = true;
      for (let k = 0; k < keys.length && same; k++) same = s.keys[k] === keys[k];
      if (same) {
        this.lastShape.set(kind, s);
        return id;
      }
    }
    const id = this.shapes.length;
    if (id > 0xffff) throw new Error('trace: too many event shapes');
    const shape: Shape = {
      id,
      kind,
      keys,
      lastStrings: keys.map(() => undefined),
      lastCodes: keys.map(() => 0),
      misses: keys.map(() => 0),
    };
    this.shapes.push(shape);
    this.lastShape.set(kind, shape);
    list.push(id);
    return id;
  }

  private encode(v: unknown): number {
    switch (typeof v) {
      case 'number':
        if (Number.isInteger(v) && v >= -MAX_INT && v < MAX_INT && !Object.is(v, -0)) return (v << 3) | INT;
        this.numbers.push(v);
        return ((this.numbers.length - 1) << 3) | NUM;
      case 'string':
        return this.encodeString(v);
      case 'boolean':
        return ((v ? 2 : 1) << 3) | CONST;
      case 'undefined':
        return (3 << 3) | CONST;
      default:
        if (v === null) return CONST;
        return this.objs.encode(v as object);
    }
  }

  private encodeString(s: string): number {
    const id = this.idOf(s);
    if (id >= 0) return id;
    let n = this.stringIds.get(s);
    if (n === undefined) {
      n = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, n);
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

  private decode(x: number): unknown {
    const payload = x >> 3;
    switch (x & 7) {
      case INT:
        return payload;
      case STR:
        return this.strings[payload];
      case CONST:
        return CONSTS[payload];
      case OBJ:
        return this.objects[payload];
      case NUM:
        return this.numbers[payload];
      case STRUCT:
        return this.objs.decode(payload);
      default:
        return `${this.prefixes[payload & 15]}#${payload >>> 4}`;
    }
  }
}

/**
 * Columnar storage of trace events. Per event: a row number (Uint16Array; traceRows.ts: the kind,
 * key order and the field values that recur from request to request) and a time (traceTimes.ts:
 * 2-byte deltas); then, in one Int32Array, the tagged values its row marks as varying (packet and
 * frame ids, fresh strings, frames). Where an event's values begin is found from a checkpoint
 * every 64 events. Strings are interned, ids like `pkt#12` are stored as their number, plain
 * objects and arrays (frames, headers, hook runs) are encoded into a second Int32Array, in row
 * form too (objectSlots.ts), and rebuilt when read; other objects (explanations) are kept by
 * reference. A hook passage costs ~8 bytes, a frame with its headers ~60. `at(i)` rebuilds the
 * plain event with its own fields in their original order, then `t` and `seq` (--trace JSON is
 * unchanged).
 */
import { growTyped as grow } from './growTyped';
import { ObjectSlots, STRUCT_TAG } from './objectSlots';
import { NO_ROW, TraceRows, VAR } from './traceRows';
import { STR, TraceStrings } from './traceStrings';
import { TraceTimes } from './traceTimes';

/** Events, own slots and object words to make room for at once. */
export interface SizeHint {
  events: number;
  slots: number;
  objs: number;
}

/** Value tags, in the low 3 bits of a slot. */
const INT = 0; // payload: a small integer
// STR = 1, payload: index of an interned string (traceStrings.ts)
const CONST = 2; // payload: index into CONSTS
const OBJ = 3; // payload: index into `objects`
const NUM = 4; // payload: index into `numbers` (non-integers, large integers)
// ID = 5, payload: (n << 4) | prefix index, for `prefix#n` (traceStrings.ts)
const STRUCT = STRUCT_TAG; // payload: offset of an encoded plain object or array in `objs`

const CONSTS = [null, false, true, undefined] as const;
const MAX_INT = 1 << 27;

interface Shape {
  id: number;
  kind: string;
  keys: readonly string[];
  /**
   * Per field, the last WAYS strings stored there and their slots: most fields cycle through a few
   * (host, hook, scheduler…), and comparing is cheaper than hashing a fresh string for the pool.
   */
  lastStrings: (string | undefined)[];
  lastCodes: number[];
  /** Per field, which of its WAYS entries a miss replaces next. */
  next: number[];
  /**
   * Per field, misses in a row: a field that rarely repeats (a client's ip:port) skips the check,
   * which compares a fresh string's characters, and probes again after a while.
   */
  misses: number[];
}

/** Strings remembered per field. */
const WAYS = 4;
/** Misses in a row after which a field's last string is no longer compared… */
const COLD = 4;
/** …until this many of its events have passed. */
const REPROBE = 64;

const EMPTY: readonly string[] = [];
/** Events between checkpoints of the pools' sizes (a power of two). */
const CHECK_BITS = 6;
const CHECK_EVERY = 1 << CHECK_BITS;
/** Per checkpoint: objs words, objects, numbers, rows, strings, slots. */
const CHECK_WORDS = 6;
/**
 * Checkpoints back (256 events, more than a request's ~150–230) before which a string or object
 * counts as recurring: a client's ip:port met only within its own request never goes into a row.
 */
const AGE = 4;

/** Where the pools end: words of encoded objects, objects kept by reference, numbers. */
interface PoolEnds {
  objs: number;
  objects: number;
  numbers: number;
}

/** Integers in [-SMALL, SMALL) go into rows (exit codes, timeouts); others vary (indexes, ports). */
const SMALL = 256;

/** A store without a size hint starts with room for this many events and own slots. */
const FIRST_EVENTS = 512;
const FIRST_SLOTS = 2048;

/** Slots reserved before an event's fields are encoded; a wider event grows the column per field. */
const INLINE_FIELDS = 32;

/** `a` cut to its first `n` elements (a copy, unless it holds exactly that many). */
function trim<T extends Uint32Array | Uint16Array | Int32Array>(a: T, n: number): T {
  return a.length === n ? a : (a.slice(0, n) as T);
}

/** Whether `ev`'s own keys, less the envelope's, are exactly `keys` in that order. */
function hasKeys(ev: object, keys: readonly string[]): boolean {
  let n = 0;
  for (const k in ev) {
    if (k === 'kind' || k === 't' || k === 'seq') continue;
    if (keys[n] !== k) return false;
    n++;
  }
  return n === keys.length;
}

export class TraceStore<E extends { kind: string }> {
  private times: TraceTimes;
  /** Per event, its row (shape and repeated slots, traceRows.ts), or NO_ROW: its slots hold it all. */
  private rowOf: Uint16Array;
  /**
   * Per event, the values its row marks VAR (or all of them after its shape, if it has no row),
   * one after another: where an event's begin is found from its checkpoint's offset and the
   * sizes of the events between (no 4-byte offset per event).
   */
  private slots: Int32Array;
  /** Slots used. */
  private end = 0;
  /** The event whose offset was found last, and that offset (reset by truncate). */
  private readAt = -1;
  private readOffset = 0;
  private readonly rows: TraceRows;
  /** Scratch: the event being pushed, one slot per field (VAR where the event keeps its own). */
  private row = new Int32Array(INLINE_FIELDS);
  private count = 0;
  private readonly shapes: Shape[] = [];
  private readonly shapesByKind = new Map<string, number[]>();
  private readonly strs = new TraceStrings();
  private readonly objects: object[] = [];
  private readonly numbers: number[] = [];
  /** Per kind, the shape its latest event had (most kinds have one shape). */
  private readonly lastShape = new Map<string, Shape>();
  /** The kind pushed last and its shape (a run of one kind skips the map). */
  private lastKind = '';
  private lastKindShape: Shape | undefined = undefined;
  /** Plain objects and arrays, encoded; and per event that grew a pool, the pools' sizes before it. */
  private readonly objs: ObjectSlots;
  /**
   * Every CHECK_EVERY events, the pools' sizes before that event wrote (objs words, objects,
   * numbers): truncation finds the sizes to go back to from the checkpoint and the few events
   * after it, instead of a mark per event that wrote (25 per request, 16 bytes each).
   */
  private checks = new Uint32Array(CHECK_WORDS * 8);
  /** Object words and strings that existed AGE checkpoints before this event's (see `shared`). */
  private oldObjs = 0;
  private oldStrings = 0;

  /**
   * @param sizeHint events and own slots to make room for at once (a chunk knows it will hold
   *   CHUNK events, and about as many slots as the chunk before): no doubling copies on the way
   * @param maxRows rows at most before events are stored whole (tests lower it)
   */
  constructor(sizeHint?: SizeHint, maxRows?: number) {
    this.rows = new TraceRows(maxRows);
    this.objs = new ObjectSlots(
      (v) => this.encode(v),
      (x) => this.decode(x),
      (o) => {
        this.objects.push(o);
        return ((this.objects.length - 1) << 3) | OBJ;
      },
      (x) => this.shared(x),
      sizeHint?.objs,
      maxRows,
    );
    // Without a hint, room for a lab start (the ha lab's ~500 events): a store grows by doubling,
    // and each lab start allocating 60 KB of columns it never used kept the collector busy.
    this.times = new TraceTimes(sizeHint?.events ?? FIRST_EVENTS);
    this.rowOf = new Uint16Array(sizeHint?.events ?? FIRST_EVENTS);
    this.slots = new Int32Array(Math.max(sizeHint?.slots ?? FIRST_SLOTS, INLINE_FIELDS + 1));
  }

  get length(): number {
    return this.count;
  }

  /** Room a store holding as much as this one would want from the start. */
  sizeHint(events: number): SizeHint {
    // A little over what this one used: the next chunk is seldom exactly alike.
    const more = (x: number): number => x + (x >>> 5) + 64;
    return { events, slots: more(this.end), objs: more(this.objs.length) };
  }

  /**
   * Append one event stamped at `t` (its `t` and `seq` fields, if present, are not stored). Hot:
   * the fields are encoded straight into the slots while their keys are checked against the
   * kind's last shape; only an event of a new shape walks its keys again to find or make one.
   */
  push(t: number, ev: E): void {
    const i = this.count;
    const start = this.end;
    if (start + INLINE_FIELDS + 1 > this.slots.length)
      this.slots = grow(this.slots, start + INLINE_FIELDS + 1);
    const kind = ev.kind;
    const last = kind === this.lastKind ? this.lastKindShape : this.lastShape.get(kind);
    const known = last === undefined ? EMPTY : last.keys;
    let same = last !== undefined;
    if ((i & (CHECK_EVERY - 1)) === 0) this.check(i);
    let row = this.row;
    let n = 0;
    let v = 0;
    for (const k in ev) {
      if (k === 'kind' || k === 't' || k === 'seq') continue;
      if (same && known[n] !== k) same = false;
      // Room for INLINE_FIELDS was made above; only a wider event checks per field.
      if (n >= INLINE_FIELDS) {
        if (n >= row.length) row = this.row = grow(row, n + 1);
        if (start + n + 1 >= this.slots.length) this.slots = grow(this.slots, start + n + 2);
      }
      const val = (ev as Record<string, unknown>)[k];
      let x: number;
      if (same && typeof val === 'string') {
        // Strings are never forgotten (truncate keeps them), so a field's last code stays valid.
        const misses = last!.misses[n]!;
        if (misses >= COLD) {
          last!.misses[n] = misses === REPROBE ? 0 : misses + 1;
          x = this.strs.code(val);
        } else {
          const seen = last!.lastStrings;
          const base = n * WAYS;
          let j = 0;
          while (j < WAYS && seen[base + j] !== val) j++;
          if (j < WAYS) {
            last!.misses[n] = 0;
            x = last!.lastCodes[base + j]!;
          } else {
            last!.misses[n] = misses + 1;
            const w = last!.next[n]!;
            last!.next[n] = (w + 1) % WAYS;
            seen[base + w] = val;
            x = last!.lastCodes[base + w] = this.strs.code(val);
          }
        }
      } else x = this.encode(val);
      if (this.shared(x)) row[n] = x;
      else {
        this.slots[start + v++] = x;
        row[n] = VAR;
      }
      n++;
    }
    // Grown after the fields: a call before the loop measured 2x slower (V8 loses the column types).
    if (i >= this.rowOf.length) this.rowOf = grow(this.rowOf, i + 1);
    this.times.push(t);
    const shape = same && n === known.length ? last!.id : this.shapeOfKeys(kind, ev);
    this.lastKind = kind;
    this.lastKindShape = this.shapes[shape];
    const r = this.rows.intern(shape, row, n, v);
    if (r >= 0) {
      this.rowOf[i] = r;
      this.end = start + v;
    } else this.pushWhole(i, start, shape, n, v);
    this.count = i + 1;
  }

  /** No room for another row: event `i` keeps its shape and all `n` slots itself. */
  private pushWhole(i: number, start: number, shape: number, n: number, v: number): void {
    const own = this.slots.slice(start, start + v);
    this.slots[start] = shape;
    for (let k = 0, j = 0; k < n; k++) {
      const x = this.row[k]!;
      this.slots[start + 1 + k] = (x & 7) === VAR ? own[j++]! : x;
    }
    this.rowOf[i] = NO_ROW;
    this.end = start + n + 1;
  }

  /**
   * Whether slot `x` goes into the event's row: values that recur from request to request (small
   * integers, constants, strings and shared lists that existed AGE checkpoints ago). Ids,
   * fresh strings (a client's ip:port), fresh objects (a frame) and pooled values vary per event:
   * in a row they would make every row new.
   */
  private shared(x: number): boolean {
    switch (x & 7) {
      case INT:
        return x >= -SMALL << 3 && x < SMALL << 3;
      case CONST:
        return true;
      case STR:
        return x >> 3 < this.oldStrings;
      case STRUCT:
        return x >> 3 < this.oldObjs;
      default:
        return false;
    }
  }

  /**
   * Calls `slot` with each value slot of event `i` (its row's and its own, which begin at `off`);
   * returns where the next event's own slots begin.
   */
  private eachSlot(i: number, off: number, slot: (x: number) => void): number {
    const r = this.rowOf[i]!;
    if (r === NO_ROW) {
      const n = this.shapes[this.slots[off]!]!.keys.length;
      for (let k = 1; k <= n; k++) slot(this.slots[off + k]!);
      return off + n + 1;
    }
    const words = this.rows.slots();
    const at = this.rows.start(r);
    const n = this.shapes[this.rows.shapeOf(r)]!.keys.length;
    for (let k = 0; k < n; k++) {
      const x = words[at + k]!;
      slot((x & 7) === VAR ? this.slots[off++]! : x);
    }
    return off;
  }

  /** Where event `i`'s own slots begin: its checkpoint's offset plus the sizes of the events between. */
  private offsetOf(i: number): number {
    // Reading in order (the views do) starts from the event read last.
    const c = i >>> CHECK_BITS;
    let j = c << CHECK_BITS;
    let off = this.checks[c * CHECK_WORDS + 5]!;
    if (this.readAt >= j && this.readAt <= i) {
      j = this.readAt;
      off = this.readOffset;
    }
    for (; j < i; j++) {
      const r = this.rowOf[j]!;
      off += r === NO_ROW ? this.shapes[this.slots[off]!]!.keys.length + 1 : this.rows.varsOf(r);
    }
    this.readAt = i;
    this.readOffset = off;
    return off;
  }

  /**
   * No more events are coming for a while (the chunk is full): give back the columns' spare room
   * (they grow by doubling) and the recently-seen objects the writer keeps for sharing. A later
   * push still works; it grows the columns again.
   */
  seal(): void {
    const n = this.count;
    this.times.seal();
    this.rowOf = trim(this.rowOf, n);
    const used = this.end;
    // A chunk sized from the one before is nearly full: a little spare room costs less than a copy.
    if (this.slots.length - used > this.slots.length >>> 4) this.slots = trim(this.slots, used);
    this.checks = trim(this.checks, CHECK_WORDS * Math.ceil(n / CHECK_EVERY));
    this.objs.seal();
    this.rows.seal();
  }

  /** Checkpoint before event `i` writes: the pools' sizes. */
  private check(i: number): void {
    const at = (i >>> CHECK_BITS) * CHECK_WORDS;
    if (at + CHECK_WORDS > this.checks.length) this.checks = grow(this.checks, at + CHECK_WORDS);
    this.checks[at] = this.objs.length;
    this.checks[at + 1] = this.objects.length;
    this.checks[at + 2] = this.numbers.length;
    this.checks[at + 3] = this.rows.length;
    this.checks[at + 4] = this.strs.length;
    this.checks[at + 5] = this.end;
    // What existed AGE checkpoints ago is "met before" (see `shared`).
    const old = at - AGE * CHECK_WORDS;
    this.oldObjs = old < 0 ? 0 : this.checks[old]!;
    this.oldStrings = old < 0 ? 0 : this.checks[old + 4]!;
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
    const at = c * CHECK_WORDS;
    const ends: PoolEnds = {
      objs: this.checks[at]!,
      objects: this.checks[at + 1]!,
      numbers: this.checks[at + 2]!,
    };
    // Rows are made in event order too: those the kept events use, and none after.
    let rows = this.checks[at + 3]!;
    const reach = (x: number): void => this.reach(x, ends);
    let off = this.checks[at + 5]!;
    for (let e = c << CHECK_BITS; e < keep; e++) {
      off = this.eachSlot(e, off, reach);
      const r = this.rowOf[e]!;
      if (r !== NO_ROW) rows = Math.max(rows, r + 1);
    }
    this.rows.truncate(rows);
    this.end = off;
    this.readAt = -1;
    this.times.truncate(keep);
    this.objs.truncate(ends.objs);
    this.objects.length = ends.objects;
    this.numbers.length = ends.numbers;
    this.count = keep;
  }

  /** The event at `i` as a fresh plain object (fields in emit order, then `t`, `seq`). */
  at(i: number): (E & { t: number; seq: number }) | undefined {
    if (i < 0) i += this.count;
    if (!(i >= 0 && i < this.count)) return undefined;
    const shape = this.shapes[this.shapeAt(i)]!;
    const out: Record<string, unknown> = { kind: shape.kind };
    const keys = shape.keys;
    let k = 0;
    this.eachSlot(i, this.offsetOf(i), (x) => {
      out[keys[k++]!] = this.decode(x);
    });
    out.t = this.time(i);
    out.seq = i;
    return out as E & { t: number; seq: number };
  }

  /** The kind of event `i` without building it (a cheap filter). */
  kindAt(i: number): string | undefined {
    return i >= 0 && i < this.count ? this.shapes[this.shapeAt(i)]!.kind : undefined;
  }

  private shapeAt(i: number): number {
    const r = this.rowOf[i]!;
    return r === NO_ROW ? this.slots[this.offsetOf(i)]! : this.rows.shapeOf(r);
  }

  /** The time of event `i`, µs. */
  timeAt(i: number): number | undefined {
    return i >= 0 && i < this.count ? this.time(i) : undefined;
  }

  private time(i: number): number {
    return this.times.at(i);
  }

  /** Approximate bytes held by the columns (not by the shared objects they refer to). */
  columnBytes(): number {
    return (
      this.count * 2 +
      this.times.bytes() +
      this.end * 4 +
      this.rows.words32 * 4 +
      this.rows.length * 5 +
      this.numbers.length * 8 +
      this.objects.length * 8 +
      this.objs.bytes() +
      Math.ceil(this.count / CHECK_EVERY) * CHECK_WORDS * 4
    );
  }

  /** The shape of an event whose keys differ from its kind's last one: found or made, then remembered. */
  private shapeOfKeys(kind: string, ev: E): number {
    let list = this.shapesByKind.get(kind);
    if (!list) this.shapesByKind.set(kind, (list = []));
    // Kinds with a few shapes (a route's input and output forms) alternate: matched without a list.
    for (const id of list) {
      const s = this.shapes[id]!;
      if (hasKeys(ev, s.keys)) {
        this.lastShape.set(kind, s);
        return id;
      }
    }
    const keys: string[] = [];
    for (const k in ev) if (k !== 'kind' && k !== 't' && k !== 'seq') keys.push(k);
    const id = this.shapes.length;
    if (id > 0xffff) throw new Error('trace: too many event shapes');
    const shape: Shape = {
      id,
      kind,
      keys,
      lastStrings: new Array<string | undefined>(keys.length * WAYS).fill(undefined),
      lastCodes: new Array<number>(keys.length * WAYS).fill(0),
      next: keys.map(() => 0),
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
        return this.strs.code(v);
      case 'boolean':
        return ((v ? 2 : 1) << 3) | CONST;
      case 'undefined':
        return (3 << 3) | CONST;
      default:
        if (v === null) return CONST;
        return this.objs.encode(v as object);
    }
  }

  private decode(x: number): unknown {
    const payload = x >> 3;
    switch (x & 7) {
      case INT:
        return payload;
      case STR:
        return this.strs.stringOf(payload);
      case CONST:
        return CONSTS[payload];
      case OBJ:
        return this.objects[payload];
      case NUM:
        return this.numbers[payload];
      case STRUCT:
        return this.objs.decode(payload);
      default:
        return this.strs.idOfPayload(payload);
    }
  }
}

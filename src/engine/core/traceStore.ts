/**
 * Columnar storage of trace events. Per event: a row number (Uint16Array; traceRows.ts: the kind,
 * key order and the field values that recur from request to request) and a time (traceTimes.ts:
 * 2-byte deltas); then, in one Int32Array, the value slots its row marks as varying. Where an
 * event's slots begin is found from a checkpoint every 64 events. How a value becomes a slot
 * (strings interned, ids like `pkt#12` as their number, plain objects encoded in row form, other
 * objects by reference) is traceValues.ts's. Two kinds of value cost no slot: an id repeating the
 * last of its prefix, or the next (traceIdRuns.ts), and an object the event wrote fresh (a frame),
 * which is where the event's objects go next (WRITTEN). Both are read by walking from the
 * checkpoint. A hook passage costs ~5 bytes, a frame with its headers a few dozen. `at(i)`
 * rebuilds the plain event with its own fields in their original order, then `t` and `seq`
 * (--trace JSON is unchanged). The hottest kinds arrive as values, not objects (traceFixed.ts).
 */
import { growTyped as grow, trimTyped } from './growTyped';
import {
  CHECK_BITS,
  CHECK_EVERY,
  NUMBERS,
  OBJECTS,
  OBJS,
  ROWS,
  SLOTS,
  STRINGS,
  TraceChecks,
} from './traceChecks';
import {
  CURSOR,
  type IdRuns,
  isMark,
  newIdRuns,
  passId,
  resolveMark,
  restartRuns,
  WRITTEN,
} from './traceIdRuns';
import { INLINE_FIELDS, TraceFields } from './traceFields';
import { NO_ROW, TraceRows, VAR } from './traceRows';
import type { FixedKind } from './traceFixed';
import { LastRow } from './traceLastRow';
import { RowMemo } from './traceRowMemo';
import { cachesOf, dropCaches, forgetObjects, forgetRows, type Shape, TraceShapes } from './traceShapes';
import { TraceTimes } from './traceTimes';
import { type PoolEnds, STRUCT, TraceValues } from './traceValues';

/** Events, own slots and object words to make room for at once. */
export interface SizeHint {
  events: number;
  slots: number;
  objs: number;
}

const EMPTY: readonly string[] = [];

/** A store without a size hint starts with room for this many events and own slots. */
const FIRST_EVENTS = 512;
const FIRST_SLOTS = 2048;

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
  /** The id runs before event `readAt` (traceIdRuns.ts). */
  private readonly readRuns = newIdRuns();
  private readonly rows: TraceRows;
  private count = 0;
  private readonly shapeTable = new TraceShapes();
  private readonly shapes: Shape[] = this.shapeTable.list;
  /** Field values as slots, and the pools they refer to. */
  private readonly values: TraceValues;
  /** The event being pushed: its row and the id runs before it. */
  private readonly fields: TraceFields;
  /** Per kind, the shape its latest event had (most kinds have one shape). */
  private readonly lastShape = this.shapeTable.latest;
  /** The kind pushed last and its shape (a run of one kind skips the map). */
  private lastKind = '';
  private lastKindShape: Shape | undefined = undefined;
  /** Per fixed kind (traceFixed.ts), its shape in this store. */
  private readonly fixed: (Shape | undefined)[] = [];
  /** Every CHECK_EVERY events, the pools' sizes before that event wrote (traceChecks.ts). */
  private readonly checks = new TraceChecks();
  /** The row of the id-and-record event pushed last (pushIdRecord). */
  private readonly lastPair = new LastRow();

  /**
   * @param sizeHint events and own slots to make room for at once (a chunk knows it will hold
   *   CHUNK events, and about as many slots as the chunk before): no doubling copies on the way
   * @param maxRows rows at most before events are stored whole (tests lower it)
   */
  constructor(sizeHint?: SizeHint, maxRows?: number) {
    this.rows = new TraceRows(maxRows);
    this.values = new TraceValues(sizeHint?.objs, maxRows);
    this.fields = new TraceFields(this.values);
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
    return { events, slots: more(this.end), objs: more(this.values.objs.length) };
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
    const caches = last === undefined ? undefined : cachesOf(last);
    let same = last !== undefined;
    if ((i & (CHECK_EVERY - 1)) === 0) this.check(i);
    let n = 0;
    let v = 0;
    for (const k in ev) {
      if (k === 'kind' || k === 't' || k === 'seq') continue;
      if (same && known[n] !== k) same = false;
      // Room for INLINE_FIELDS was made above; only a wider event checks per field.
      if (n >= INLINE_FIELDS) {
        if (n >= this.fields.row.length) this.fields.row = grow(this.fields.row, n + 1);
        if (start + n + 1 >= this.slots.length) this.slots = grow(this.slots, start + n + 2);
      }
      v = this.fields.put(
        same ? caches : undefined,
        n,
        (ev as Record<string, unknown>)[k],
        this.slots,
        start,
        v,
      );
      n++;
    }
    const shape = same && n === known.length ? last!.id : this.shapeTable.match(kind, ev);
    this.finish(i, t, shape, n, start, v);
  }

  /**
   * Append one event of fixed kind `f` stamped at `t`, its values in `f`'s key order (a..l, as
   * many as it has keys): the columns are what `push` makes of the same event as an object.
   */
  pushFixed(
    t: number,
    f: FixedKind,
    a: unknown,
    b?: unknown,
    c?: unknown,
    d?: unknown,
    e?: unknown,
    g?: unknown,
    h?: unknown,
    k?: unknown,
    l?: unknown,
  ): void {
    const i = this.count;
    const start = this.end;
    const s = this.begin(f, INLINE_FIELDS + 1);
    const n = f.keys.length;
    const slots = this.slots;
    const fc = cachesOf(s);
    let memo: RowMemo | undefined;
    let prev = NO_ROW;
    if (f.recurs === true && fc !== undefined) {
      memo = s.memo ??= new RowMemo();
      prev = i === 0 ? NO_ROW : this.rowOf[i - 1]!;
      const r = memo.find(prev, n, this.fields.runs, this.values.strs, fc, a, b, c, d, e, g, h, k, l);
      if (r >= 0) return this.finish(i, t, s.id, n, start, 0, r);
    }
    const v = this.fields.putFixed(fc, f.refs ?? 0, n, slots, start, a, b, c, d, e, g, h, k, l);
    this.finish(i, t, s.id, n, start, v);
    // A row holding every value: remembered for the events that repeat it.
    if (memo !== undefined && v === 0 && this.rowOf[i] !== NO_ROW)
      memo.add(prev, n, this.fields.row, this.rowOf[i]!);
  }

  /**
   * `pushFixed` for a packed kind of an id (`pkt#12`) and a record kept by reference (a scheduler's
   * decision) in one call: the same columns; its row found again without hashing (traceLastRow.ts).
   */
  pushIdRecord(t: number, f: FixedKind, id: string, rec: object): void {
    const i = this.count;
    const start = this.end;
    const s = this.begin(f, 3);
    const v = this.fields.putIdRecord(cachesOf(s), id, rec, this.slots, start);
    const first = this.fields.row[0]!;
    const known = this.lastPair.find(s.id, first);
    this.finish(i, t, s.id, 2, start, v, known);
    if (known < 0 && this.rowOf[i] !== NO_ROW) this.lastPair.remember(s.id, first, this.rowOf[i]!);
  }

  /** Before fixed kind `f`'s event writes (`room` own slots at most): room made, its shape found. */
  private begin(f: FixedKind, room: number): Shape {
    if (this.end + room > this.slots.length) this.slots = grow(this.slots, this.end + room);
    let s = this.fixed[f.id];
    if (s === undefined) {
      s = this.fixed[f.id] = this.shapes[this.shapeTable.find(f.kind, f.keys)]!;
      s.expand = f.expand;
    }
    if ((this.count & (CHECK_EVERY - 1)) === 0) this.check(this.count);
    return s;
  }

  /**
   * Event `i` of `shape` had its `n` fields encoded (`v` own slots from `start`): stamp it and find
   * its row (`known`: found already, traceRowMemo.ts).
   */
  private finish(i: number, t: number, shape: number, n: number, start: number, v: number, known = -1): void {
    // Grown after the fields: a call before the loop measured 2x slower (V8 loses the column types).
    if (i >= this.rowOf.length) this.rowOf = grow(this.rowOf, i + 1);
    this.times.push(t);
    const s = this.shapes[shape]!;
    this.lastKind = s.kind;
    this.lastKindShape = s;
    const r = known >= 0 ? known : this.rows.intern(shape, this.fields.row, n, v);
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
      const x = this.fields.row[k]!;
      this.slots[start + 1 + k] = x === VAR ? own[j++]! : x;
    }
    this.rowOf[i] = NO_ROW;
    this.end = start + n + 1;
  }

  /**
   * Calls `slot` with each value slot of event `i` (its row's and its own, which begin at `off`;
   * id marks resolved with `runs`, which move on past the event); returns where the next event's
   * own slots begin.
   */
  private eachSlot(i: number, off: number, runs: IdRuns, slot?: (x: number) => void): number {
    const r = this.rowOf[i]!;
    if (r === NO_ROW) {
      const n = this.shapes[this.slots[off]!]!.keys.length;
      for (let k = 1; k <= n; k++) {
        const y = this.resolve(runs, this.slots[off + k]!);
        slot?.(y);
      }
      return off + n + 1;
    }
    const words = this.rows.slots();
    const at = this.rows.start(r);
    const n = this.shapes[this.rows.shapeOf(r)]!.keys.length;
    for (let k = 0; k < n; k++) {
      const x = words[at + k]!;
      const y = this.resolve(runs, x === VAR ? this.slots[off++]! : x);
      slot?.(y);
    }
    return off;
  }

  /** The value slot a stored slot stands for (id marks and WRITTEN resolved); the runs move on past it. */
  private resolve(runs: IdRuns, x: number): number {
    if (x === WRITTEN) {
      const at = runs[CURSOR]!;
      runs[CURSOR] = this.values.objs.end(at);
      return (at << 3) | STRUCT;
    }
    if (isMark(x)) return resolveMark(runs, x);
    passId(runs, x);
    return x;
  }

  /**
   * Where event `i`'s own slots begin (its checkpoint's offset plus the sizes of the events
   * between); leaves `readRuns` as they were before it.
   */
  private offsetOf(i: number): number {
    let j = (i >>> CHECK_BITS) << CHECK_BITS;
    let off = this.checks.before(i, SLOTS);
    // Reading in order (the views do) goes on from the event read last; at a checkpoint, runs restart.
    if (this.readAt > j && this.readAt <= i) {
      j = this.readAt;
      off = this.readOffset;
    } else restartRuns(this.readRuns, this.checks.before(i, OBJS));
    for (; j < i; j++) off = this.eachSlot(j, off, this.readRuns);
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
    this.rowOf = trimTyped(this.rowOf, n);
    const used = this.end;
    // A chunk sized from the one before is nearly full: a little spare room costs less than a copy.
    if (this.slots.length - used > this.slots.length >>> 4) this.slots = trimTyped(this.slots, used);
    this.checks.seal(n);
    this.values.seal();
    this.rows.seal();
    // Only pushes read the field caches: a sealed chunk keeps its shapes' kinds and keys only.
    dropCaches(this.shapes);
  }

  /** Checkpoint before event `i` writes: the pools' sizes. */
  private check(i: number): void {
    const v = this.values;
    this.checks.record(
      i,
      v.objs.length,
      v.objectCount,
      v.numberCount,
      this.rows.length,
      v.strs.length,
      this.end,
    );
    // Id runs restart, so a reader rebuilds them from here.
    this.fields.runs.fill(-1);
    const objs = this.checks.aged(i, OBJS);
    const strs = this.checks.aged(i, STRINGS);
    // Lower after a truncation: a row remembered as all shared values may no longer be one.
    if (objs < v.oldObjs || strs < v.oldStrings) forgetRows(this.shapes);
    v.oldObjs = objs;
    v.oldStrings = strs;
  }

  /** Drop every event from `length` on (the session mirror rewinds to where a new run starts). */
  truncate(length: number): void {
    if (length >= this.count) return;
    const keep = Math.max(0, length);
    // Pools are written in event order, and every value written is referred to by the event that
    // wrote it: the sizes at the checkpoint, grown to cover what the events after it refer to.
    const at = this.checks;
    const ends: PoolEnds = {
      objs: at.before(keep, OBJS),
      objects: at.before(keep, OBJECTS),
      numbers: at.before(keep, NUMBERS),
    };
    // Rows are made in event order too: those the kept events use, and none after.
    let rows = at.before(keep, ROWS);
    const reach = (x: number): void => this.values.reach(x, ends);
    let off = at.before(keep, SLOTS);
    const runs = newIdRuns();
    restartRuns(runs, at.before(keep, OBJS));
    for (let e = (keep >>> CHECK_BITS) << CHECK_BITS; e < keep; e++) {
      off = this.eachSlot(e, off, runs, reach);
      const r = this.rowOf[e]!;
      if (r !== NO_ROW) rows = Math.max(rows, r + 1);
    }
    this.rows.truncate(rows);
    this.lastPair.forget();
    forgetObjects(this.shapes);
    this.end = off;
    this.fields.runs = runs;
    this.readAt = -1;
    this.times.truncate(keep);
    this.values.truncate(ends);
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
    const next = this.eachSlot(i, this.offsetOf(i), this.readRuns, (x) => {
      out[keys[k++]!] = this.values.decode(x);
    });
    this.readAt = i + 1;
    this.readOffset = next;
    const ev: Record<string, unknown> = shape.expand ? shape.expand(out) : out;
    ev.t = this.times.at(i);
    ev.seq = i;
    return ev as E & { t: number; seq: number };
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
    return i >= 0 && i < this.count ? this.times.at(i) : undefined;
  }

  /** Approximate bytes held by the columns (not by the shared objects they refer to). */
  columnBytes(): number {
    return (
      this.count * 2 +
      this.times.bytes() +
      this.end * 4 +
      this.rows.words32 * 4 +
      this.rows.length * 5 +
      this.values.bytes() +
      TraceChecks.bytes(this.count)
    );
  }
}

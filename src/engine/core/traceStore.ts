/**
 * Columnar storage of trace events. Per event: a row number (Uint16Array; traceRows.ts: the kind,
 * key order and the field values that recur from request to request) and a time (traceTimes.ts:
 * 2-byte deltas); then, in one Int32Array, the value slots its row marks as varying. Where an
 * event's slots begin is found from a checkpoint every 64 events. How a value becomes a slot
 * (strings interned, ids like `pkt#12` as their number, plain objects encoded in row form, other
 * objects by reference) is traceValues.ts's. Two kinds of value cost no slot: an id repeating the
 * last of its prefix, or the next (traceIdRuns.ts), and an object the event wrote fresh (a frame),
 * which is where the event's objects go next (WRITTEN). Both are read by walking from the
 * checkpoint. A hook passage costs ~5 bytes, a frame with its headers a few dozen. The columns and
 * reading back (`at(i)`: the plain event with its own fields in their original order, then `t` and
 * `seq`; --trace JSON is unchanged) are traceColumns.ts's; this file writes, seals and truncates.
 * The hottest kinds arrive as values, not objects (traceFixed.ts).
 */
import { growTyped as grow, trimTyped } from './growTyped';
import { CHECK_BITS, CHECK_EVERY, NUMBERS, OBJECTS, OBJS, ROWS, SLOTS, STRINGS } from './traceChecks';
import { type SizeHint, TraceColumns } from './traceColumns';
import { newIdRuns, restartRuns } from './traceIdRuns';
import { INLINE_FIELDS, TraceFields } from './traceFields';
import { NO_ROW, VAR } from './traceRows';
import type { FixedKind } from './traceFixed';
import { LastRow } from './traceLastRow';
import { RowMemo } from './traceRowMemo';
import { cachesOf, dropCaches, forgetObjects, forgetRows, type Shape } from './traceShapes';
import type { PoolEnds } from './traceValues';

export type { SizeHint } from './traceColumns';

const EMPTY: readonly string[] = [];

/** The trace's columns (traceColumns.ts, which also reads events back) and how events are written. */
export class TraceStore<E extends { kind: string }> extends TraceColumns<E> {
  /** The event being pushed: its row and the id runs before it. */
  private readonly fields = new TraceFields(this.values);
  /** Per kind, the shape its latest event had (most kinds have one shape). */
  private readonly lastShape = this.shapeTable.latest;
  /** The kind pushed last and its shape (a run of one kind skips the map). */
  private lastKind = '';
  private lastKindShape: Shape | undefined = undefined;
  /** Per fixed kind (traceFixed.ts), its shape in this store. */
  private readonly fixed: (Shape | undefined)[] = [];
  /** The row of the id-and-record event pushed last (pushIdRecord). */
  private readonly lastPair = new LastRow();

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
}

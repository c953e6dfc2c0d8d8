/**
 * How the field values of the event being pushed become slots (traceStore.ts): one per field in
 * the event's row if the value recurs (a host, a hook name, a shared list), is an id mark (the
 * packet the event before named, traceIdRuns.ts) or is an object written just now (WRITTEN);
 * otherwise the row says VAR and the value goes to the event's own slots.
 */
import { type IdRuns, markFor, newIdRuns, WRITTEN } from './traceIdRuns';
import { VAR } from './traceRows';
import { cachedCode, type FieldCaches, objectCode, objectWays, rememberObject } from './fieldCaches';
import { isPlain } from './objectWords';
import { ID } from './traceStrings';
import { STRUCT, type TraceValues } from './traceValues';

/** Fields a row has room for before the scratch grows. */
export const INLINE_FIELDS = 32;

/**
 * A field whose objects were written fresh this many times in a row (frame.tx's frame, made for
 * the event; ipvs.snat's rewritten packet) does not ask the sharing maps for REPROBE_FRESH
 * objects, then asks again; it still tells them (the frame carrying a rewritten packet finds it).
 * An object met again unasked is written again: more words, same reading.
 */
const FRESH = 8;
const REPROBE_FRESH = 120;

export class TraceFields {
  /** Scratch: the event being pushed, one slot per field (VAR where the event keeps its own). */
  row = new Int32Array(INLINE_FIELDS);
  /** The id runs before the next field encoded (restarted at each checkpoint). */
  runs: IdRuns = newIdRuns();

  constructor(private readonly values: TraceValues) {}

  /**
   * Encode field `n`'s value `val` into the row, or into `slots` at `start + v` (the event's own
   * slots so far: `v`); returns the own slots so far. `last`: the caches of the event's shape while its
   * keys so far match it (its strings are compared before the pool hashes them).
   */
  put(
    last: FieldCaches | undefined,
    n: number,
    val: unknown,
    slots: Int32Array,
    start: number,
    v: number,
  ): number {
    const values = this.values;
    let x: number;
    if (last !== undefined && typeof val === 'string') x = cachedCode(last, n, val, values.strs);
    else if (typeof val !== 'object' || val === null) x = values.encode(val);
    else if (!isPlain(val)) {
      // Kept by reference (a decision record): never shared nor written, so no cache is asked.
      x = values.reference(val);
      if (last?.objects !== undefined) last.objects.fresh[n] = 0;
    } else if (last !== undefined && (x = objectCode(last, n, val)) >= 0) {
      // Met again in this field (a host's hook-run list): the slot it has.
    } else {
      const objs = values.objs.length;
      const ways = last === undefined ? undefined : objectWays(last);
      const fresh = ways === undefined ? 0 : ways.fresh[n]!;
      x = values.objs.encode(val, 0, fresh < FRESH, true, ways?.objHints, n);
      // A fresh object, written where the event's objects go next: the reader finds it there.
      const wrote = x === ((objs << 3) | STRUCT) && values.objs.length > objs;
      if (ways !== undefined) {
        if ((x & 7) === STRUCT && !wrote) rememberObject(ways, n, val, x);
        ways.fresh[n] = !wrote ? 0 : fresh === FRESH + REPROBE_FRESH ? 0 : fresh + 1;
      }
      if (wrote) x = WRITTEN;
    }
    let m: number;
    if (x === WRITTEN || values.shared(x)) this.row[n] = x;
    else if ((x & 7) === ID && (m = markFor(this.runs, x)) !== VAR) this.row[n] = m;
    else {
      slots[start + v++] = x;
      this.row[n] = VAR;
    }
    return v;
  }

  /**
   * A fixed kind's `n` values (traceStore.ts `pushFixed`), in key order, put as `put` puts each;
   * returns the own slots. `refs` (traceFixed.ts): bit k, value k is always a class instance (a
   * packed decision's record), kept by reference without asking what it is.
   */
  putFixed(
    fc: FieldCaches | undefined,
    refs: number,
    n: number,
    slots: Int32Array,
    start: number,
    a: unknown,
    b: unknown,
    c: unknown,
    d: unknown,
    e: unknown,
    g: unknown,
    h: unknown,
    k: unknown,
    l: unknown,
  ): number {
    let v = refs & 1 ? this.putReference(0, a, slots, start, 0) : this.put(fc, 0, a, slots, start, 0);
    if (n > 1) v = refs & 2 ? this.putReference(1, b, slots, start, v) : this.put(fc, 1, b, slots, start, v);
    if (n > 2) v = refs & 4 ? this.putReference(2, c, slots, start, v) : this.put(fc, 2, c, slots, start, v);
    if (n > 3) v = refs & 8 ? this.putReference(3, d, slots, start, v) : this.put(fc, 3, d, slots, start, v);
    if (n > 4) v = refs & 16 ? this.putReference(4, e, slots, start, v) : this.put(fc, 4, e, slots, start, v);
    if (n > 5) v = refs & 32 ? this.putReference(5, g, slots, start, v) : this.put(fc, 5, g, slots, start, v);
    if (n > 6) v = refs & 64 ? this.putReference(6, h, slots, start, v) : this.put(fc, 6, h, slots, start, v);
    if (n > 7)
      v = refs & 128 ? this.putReference(7, k, slots, start, v) : this.put(fc, 7, k, slots, start, v);
    if (n > 8)
      v = refs & 256 ? this.putReference(8, l, slots, start, v) : this.put(fc, 8, l, slots, start, v);
    return v;
  }

  /**
   * A packed kind's two values (traceStore.ts `pushIdRecord`): `id` put as `put` puts a string,
   * `rec` by reference; returns the own slots.
   */
  putIdRecord(
    fc: FieldCaches | undefined,
    id: string,
    rec: object,
    slots: Int32Array,
    start: number,
  ): number {
    const values = this.values;
    const x = fc !== undefined ? cachedCode(fc, 0, id, values.strs) : values.encode(id);
    let v = 0;
    let m: number;
    if (values.shared(x)) this.row[0] = x;
    else if ((x & 7) === ID && (m = markFor(this.runs, x)) !== VAR) this.row[0] = m;
    else {
      slots[start] = x;
      this.row[0] = VAR;
      v = 1;
    }
    slots[start + v] = values.reference(rec);
    this.row[1] = VAR;
    return v + 1;
  }

  /**
   * Field `n`'s value `val`, a class instance (traceFixed.ts `refs`), kept by reference as `put`
   * keeps any such value (never shared, never in the row).
   */
  private putReference(n: number, val: unknown, slots: Int32Array, start: number, v: number): number {
    slots[start + v] = this.values.reference(val as object);
    this.row[n] = VAR;
    return v + 1;
  }
}

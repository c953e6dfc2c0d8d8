/**
 * Rows of a fixed kind's events that recur whole (traceFixed.ts `recurs`): a hook passage with no
 * function run, a routing decision, a frame received. Such an event's row (traceRows.ts) holds
 * every value, its packet id as a mark (the packet the event before named); met again with the
 * same values and the same mark, it is that row again. The memo finds it by comparing the values
 * (strings and shared lists by identity or content) instead of coding each field and hashing the
 * row: the push then costs a row number and a time. What is stored is what the field-by-field
 * push stores; only events whose every value went into the row are remembered. A request's events
 * recur in order: the entry tried first is the one whose event followed an event of the same row
 * as the event before, last time (most events then ask no map and compare one entry).
 */
import { type FieldCaches, objectCode } from './fieldCaches';
import { isMark, markFor, markPrefix, peekMark, WRITTEN } from './traceIdRuns';
import type { TraceStrings } from './traceStrings';
import { STRUCT } from './traceValues';
import { MAX_FIXED_FIELDS } from './traceFixed';
import { NO_ROW } from './traceRows';

/** Rows remembered per pair of key values (a host and a hook point: its flows). */
const PER_KEY = 16;

interface Entry {
  /** The values, in key order (an id field's value is not compared: its mark is). */
  readonly vals: unknown[];
  /** Per field, its slot in the row: a mark for an id, a STRUCT for a shared list, else a value. */
  readonly slots: Int32Array;
  readonly row: number;
  /** Bit k: field k holds an id (its slot is a mark). */
  readonly marks: number;
}

/**
 * Entries by the event's first value (a host) and its second key, the first later field that
 * is a value (a hook point, a direction, a device), chosen by the first event remembered; then
 * found by comparing the rest.
 */
export class RowMemo {
  private readonly byFirst = new Map<unknown, Map<unknown, Entry[]>>();
  private key = -1;
  /** The first value looked up last and its entries (a host's events come in runs: one map lookup, not two). */
  private lastFirst: unknown = undefined;
  private lastByKey: Map<unknown, Entry[]> | undefined = undefined;
  /** The values of the event being pushed (kept for `add` if it is not found). */
  private readonly vals: unknown[] = new Array<unknown>(MAX_FIXED_FIELDS).fill(undefined);
  /** Per row, the entry whose event followed an event of that row last. */
  private readonly after: (Entry | undefined)[] = [];

  /**
   * The row of the event with values `v0, v1, …` (`n` of them) after an event of row `prev`, if one was remembered for the same
   * values and the id runs give its ids the same marks (the runs then move on past them, as the push's
   * would); else -1 and nothing changed. `caches`: the shape's, which must still hold a list
   * field's object (so the field-by-field push would have found it there too).
   */
  find(
    prev: number,
    n: number,
    runs: Int32Array,
    strs: TraceStrings,
    caches: FieldCaches,
    v0: unknown,
    v1: unknown,
    v2: unknown,
    v3: unknown,
    v4: unknown,
    v5: unknown,
    v6: unknown,
    v7: unknown,
    v8: unknown,
  ): number {
    const vals = this.vals;
    vals[0] = v0;
    vals[1] = v1;
    if (n > 2) vals[2] = v2;
    if (n > 3) vals[3] = v3;
    if (n > 4) vals[4] = v4;
    if (n > 5) vals[5] = v5;
    if (n > 6) vals[6] = v6;
    if (n > 7) vals[7] = v7;
    if (n > 8) vals[8] = v8;
    // The entry whose event followed an event of row `prev` last time (a request's events recur
    // in order): no map asked, no other entry compared.
    const guess = prev < this.after.length ? this.after[prev] : undefined;
    if (guess !== undefined && this.matches(guess, n, runs, strs, caches)) return guess.row;
    if (this.key < 0) return -1;
    let byKey = this.lastByKey;
    if (v0 !== this.lastFirst || byKey === undefined) {
      byKey = this.byFirst.get(v0);
      if (byKey === undefined) return -1;
      this.lastFirst = v0;
      this.lastByKey = byKey;
    }
    const list = byKey.get(vals[this.key]);
    if (list === undefined) return -1;
    for (let j = 0; j < list.length; j++) {
      const e = list[j]!;
      if (e === guess || !this.matches(e, n, runs, strs, caches)) continue;
      this.follow(prev, e);
      return e.row;
    }
    return -1;
  }
  /**
   * Whether entry `e` holds the values being pushed (`n` of them, in `vals`) and the runs give its
   * ids its marks; if so the runs move on past them, as the push's would.
   */
  private matches(e: Entry, n: number, runs: Int32Array, strs: TraceStrings, caches: FieldCaches): boolean {
    const vals = this.vals;
    const slots = e.slots;
    // The values first (most entries differ in an address), then the ids' marks.
    for (let k = 1; k < n; k++) {
      const s = slots[k]!;
      if (isMark(s)) continue;
      const v = vals[k];
      // Same value; a zero of the other sign is not (it reads back as stored).
      if (v !== e.vals[k] || (v === 0 && !Object.is(v, e.vals[k]))) return false;
      if ((s & 7) === STRUCT && objectCode(caches, k, v as object) !== s) return false;
    }
    // The first value (the host) picked the list on the way by the maps; a guess compares it.
    if (vals[0] !== e.vals[0]) return false;
    // At most two ids (a frame and its packet), parsed once each.
    let x0 = -1;
    let x1 = -1;
    for (let m = e.marks, k = 0; m !== 0; m >>>= 1, k++) {
      if ((m & 1) === 0) continue;
      const v = vals[k];
      const x = typeof v === 'string' ? strs.knownId(v) : -1;
      if (x < 0 || peekMark(runs, x) !== slots[k]) return false;
      if (x0 < 0) x0 = x;
      else x1 = x;
    }
    // A hit: the runs move on past its ids, as the push would have moved them.
    if (x0 >= 0) markFor(runs, x0);
    if (x1 >= 0) markFor(runs, x1);
    return true;
  }

  /** Entry `e` followed an event of row `prev` (NO_ROW: none). */
  private follow(prev: number, e: Entry): void {
    if (prev === NO_ROW) return;
    while (this.after.length <= prev) this.after.push(undefined);
    this.after[prev] = e;
  }

  /**
   * Remember that the event last looked up (`n` values), after an event of row `prev`, went whole
   * into row `row`, whose slots are `slots[0..n)`; an event that wrote an object (a frame) is not
   * remembered.
   */
  add(prev: number, n: number, slots: Int32Array, row: number): void {
    const vals = this.vals;
    if (this.key < 0) {
      let k = 1;
      while (k < n && (isMark(slots[k]!) || (slots[k]! & 7) === STRUCT)) k++;
      if (k === n) return;
      this.key = k;
    }
    // The keys are compared as values (by the maps): not ids nor objects.
    const byValue = (s: number): boolean => !isMark(s) && (s & 7) !== STRUCT;
    if (!byValue(slots[0]!) || !byValue(slots[this.key]!)) return;
    let prefixes = 0;
    let marks = 0;
    for (let k = 0; k < n; k++) {
      const s = slots[k]!;
      if (s === WRITTEN) return;
      if (!isMark(s)) continue;
      // Two ids of one prefix would move the same run: not checked one by one, not remembered;
      // nor more than two ids.
      const bit = 1 << markPrefix(s);
      if (prefixes & bit || (marks !== 0 && (marks & (marks - 1)) !== 0)) return;
      prefixes |= bit;
      marks |= 1 << k;
    }
    let byKey = this.byFirst.get(vals[0]);
    if (byKey === undefined) this.byFirst.set(vals[0], (byKey = new Map()));
    let list = byKey.get(vals[this.key]);
    if (list === undefined) byKey.set(vals[this.key], (list = []));
    // Full: the oldest goes (a flow that ended).
    if (list.length === PER_KEY) list.shift();
    const e = { vals: vals.slice(0, n), slots: slots.slice(0, n), row, marks };
    list.push(e);
    this.follow(prev, e);
  }
}

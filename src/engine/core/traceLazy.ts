/**
 * A chunk that encodes lazily. In a bounded trace most chunks are let go (summarised) before any
 * view reads their detail, so the newest chunk keeps each push raw (its time, its kind's head and
 * its values by reference, in flat arrays) and replays the raw events into its TraceStore, by the
 * same calls in the same order, only when something reads their detail (`at`, `columnBytes`), when
 * it is sealed while not lazy (an unbounded trace's retained chunks stay compact), or when
 * laziness is turned off. The columns are then those an eager store would have made. Summarising
 * reads kinds and times from the raw part, and builds only decisions and sticky events from it.
 * Replaying later is right because what events refer to is not changed once emitted (packets
 * and frames are fresh per hop; traceLazy.test.ts freezes every value a lab run pushes).
 */
import { growTyped as grow } from './growTyped';
import type { RawKinds } from './kindTally';
import { type FixedKind, fixedEvent, MAX_FIXED_FIELDS } from './traceFixed';
import { type SizeHint, TraceStore } from './traceStore';
import type { DecisionFacts } from './traceSummary';

/** What a raw event was pushed by. */
const EVENT = 0;
const FIXED = 1;
const ID_RECORD = 2;

/** Shared until a chunk's first raw push: an unbounded trace's chunks never hold any. */
const NO_TIMES = new Float64Array(0);
const NO_OPS = new Uint8Array(0);
const NO_OFFS = new Int32Array(0);
/** Never written: replaced by a chunk's own list at its first raw push. */
const NONE: unknown[] = [];

/**
 * A chunk's raw lists, handed on when it is let go. Their first `held` heads and `heldVals` values
 * are still the chunk's: clearing them (Array fill, ~1.5% of a request) was wasted, as the next
 * chunk overwrites them as it fills; it clears only those it did not reach when it is let go in
 * turn. So the lists keep at most one chunk let go alive, as long as the next one takes to fill.
 */
export interface RawLists {
  times: Float64Array<ArrayBuffer>;
  ops: Uint8Array<ArrayBuffer>;
  offs: Int32Array<ArrayBuffer>;
  heads: unknown[];
  vals: unknown[];
  held: number;
  heldVals: number;
}

/**
 * `list` lengthened to `n` (undefined after its end), as a new list. The raw lists are lengthened
 * ahead of their writes, as the typed ones are grown: a store that may append checks the backing
 * store's room and its kind and may write the length, on every value of every event (perf
 * annotate: most of a push's own instructions); a store within the length does not. Made at its
 * full length at once: pushing one undefined at a time regrew a list of ~100,000 values (large
 * objects, each regrowth a fresh one) step by step, ~25 ms of every fresh runtime's first chunks.
 */
function grownTo(list: unknown[], n: number): unknown[] {
  const m = list.length;
  if (m >= n) return list;
  const out = new Array<unknown>(n);
  for (let i = 0; i < m; i++) out[i] = list[i];
  for (let i = m; i < n; i++) out[i] = undefined;
  return out;
}

/** Raw events held before the chunk encodes them anyway (a bounded chunk holds at most CHUNK). */
const MAX_RAW = 1 << 15;

export class LazyStore<E extends { kind: string }> {
  /**
   * The events encoded so far: the first `encoded` of the chunk. Made when first needed: a lazy
   * chunk let go unread never encodes, and its columns, made with it for ~16,000 events (typed
   * arrays zeroed, maps, the rows' tables), were ~1 µs of every request (a chunk per ~100).
   */
  private made: TraceStore<E> | undefined = undefined;
  /** Push raw (a bounded trace); otherwise every push goes straight to the store. */
  lazy: boolean;
  /** Raw events after the store's: their times, how each was pushed, its event or fixed kind. */
  private times = NO_TIMES;
  private ops = NO_OPS;
  /** Per raw event, where its values begin in `vals`. */
  private offs = NO_OFFS;
  private heads: unknown[] = NONE;
  /** Per raw fixed event, its values in key order, one event after another. */
  private vals: unknown[] = NONE;
  private n = 0;
  /** How far `heads` and `vals` may hold a chunk let go before this one (RawLists.held). */
  private held = 0;
  private heldVals = 0;
  /** Sealed while raw: the store is sealed when the raw part is encoded. */
  private sealed = false;
  private nv = 0;
  private readonly hint: SizeHint | undefined;

  /**
   * @param spare the raw lists of a chunk let go (`release`): a bounded trace makes a chunk every
   *   ~100 requests, and lists grown anew each time were old-space garbage (peak RSS +60%)
   */
  constructor(sizeHint?: SizeHint, lazy = false, spare?: RawLists) {
    this.hint = sizeHint;
    if (!lazy) this.made = new TraceStore<E>(sizeHint);
    this.lazy = lazy;
    if (spare !== undefined) {
      this.times = spare.times;
      this.ops = spare.ops;
      this.offs = spare.offs;
      this.heads = spare.heads;
      this.vals = spare.vals;
      this.held = spare.held;
      this.heldVals = spare.heldVals;
    }
  }

  /**
   * This chunk is let go: its raw lists for the next chunk (its own references left in them, to be
   * overwritten; the chunk before's it did not overwrite cleared); it holds none after.
   */
  release(): RawLists | undefined {
    if (this.heads === NONE) return undefined;
    const n = this.n;
    const nv = this.nv;
    if (this.held > n) this.heads.fill(undefined, n, this.held);
    if (this.heldVals > nv) this.vals.fill(undefined, nv, this.heldVals);
    const lists: RawLists = {
      times: this.times,
      ops: this.ops,
      offs: this.offs,
      heads: this.heads,
      vals: this.vals,
      held: n,
      heldVals: nv,
    };
    this.n = 0;
    this.nv = 0;
    this.held = 0;
    this.heldVals = 0;
    this.times = NO_TIMES;
    this.ops = NO_OPS;
    this.offs = NO_OFFS;
    this.heads = NONE;
    this.vals = NONE;
    return lists;
  }

  private get store(): TraceStore<E> {
    return (this.made ??= new TraceStore<E>(this.hint));
  }

  /** Events encoded so far (the raw part, if any, follows them); none while the store is not made. */
  private get encoded(): number {
    return this.made === undefined ? 0 : this.made.length;
  }

  get length(): number {
    return this.encoded + this.n;
  }

  /** Room for raw events held, used or not (tests). */
  get rawCapacity(): number {
    return this.times.length;
  }

  /** Events encoded so far (the raw part, if any, follows them). */
  get encodedLength(): number {
    return this.encoded;
  }

  /** The raw part's kinds, for a summary to count (kindTally.ts): read, never written. */
  rawKinds(): RawKinds {
    return { n: this.n, ops: this.ops, heads: this.heads, eventOp: EVENT };
  }

  /** Has this chunk made its columns yet (tests)? */
  get columnsMade(): boolean {
    return this.made !== undefined;
  }

  /** Raw events not yet encoded (tests). */
  get rawLength(): number {
    return this.n;
  }

  sizeHint(events: number): SizeHint | undefined {
    // A chunk let go unread never encoded: the one it was sized from is the better guess.
    return this.encoded === 0 && this.hint !== undefined ? this.hint : this.store.sizeHint(events);
  }

  push(t: number, ev: E): void {
    if (!this.lazy) return this.store.push(t, ev);
    this.head(t, EVENT, ev);
  }

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
    if (!this.lazy) return this.store.pushFixed(t, f, a, b, c, d, e, g, h, k, l);
    this.head(t, FIXED, f);
    const n = f.keys.length;
    let p = this.nv;
    if (p + MAX_FIXED_FIELDS > this.vals.length) this.vals = grownTo(this.vals, 2 * p + 4096);
    const v = this.vals;
    v[p++] = a;
    if (n > 1) v[p++] = b;
    if (n > 2) v[p++] = c;
    if (n > 3) v[p++] = d;
    if (n > 4) v[p++] = e;
    if (n > 5) v[p++] = g;
    if (n > 6) v[p++] = h;
    if (n > 7) v[p++] = k;
    if (n > 8) v[p++] = l;
    this.nv = p;
  }

  pushIdRecord(t: number, f: FixedKind, id: string, rec: object): void {
    if (!this.lazy) return this.store.pushIdRecord(t, f, id, rec);
    this.head(t, ID_RECORD, f);
    if (this.nv + 2 > this.vals.length) this.vals = grownTo(this.vals, 2 * this.nv + 4096);
    this.vals[this.nv++] = id;
    this.vals[this.nv++] = rec;
  }

  private head(t: number, op: number, head: unknown): void {
    const j = this.n;
    if (j === this.times.length) {
      if (j >= MAX_RAW) {
        this.encode();
        return this.head(t, op, head);
      }
      const need = Math.max(j + 1, 1024);
      this.times = grow(this.times, need);
      this.ops = grow(this.ops, need);
      this.offs = grow(this.offs, need);
      this.heads = grownTo(this.heads, this.times.length);
    }
    this.times[j] = t;
    this.ops[j] = op;
    this.offs[j] = this.nv;
    this.heads[j] = head;
    this.n = j + 1;
  }

  /** Replay the raw events into the store, as the eager pushes would have been made. */
  encode(): void {
    const n = this.n;
    if (n === 0) return;
    for (let j = 0; j < n; j++) this.replay(j, this.store);
    this.dropRaw(0);
    if (this.sealed) {
      this.sealed = false;
      this.store.seal();
      // Full and encoded: no more raw pushes come (a cut makes new lists), so hold none.
      this.release();
    }
  }

  /**
   * Push raw event `j` into `s` by the call that pushed it here, with the values it was given:
   * what encoding does for each, and how a summary keeps a configuration event (no object built).
   */
  replay(j: number, s: TraceStore<E>): void {
    const t = this.times[j]!;
    const op = this.ops[j]!;
    if (op === EVENT) return s.push(t, this.heads[j] as E);
    const f = this.heads[j] as FixedKind;
    const v = this.vals;
    const p = this.offs[j]!;
    if (op === ID_RECORD) return s.pushIdRecord(t, f, v[p] as string, v[p + 1] as object);
    const m = f.keys.length;
    // Past the kind's own values are the next event's: given as the emitter gave them, unset.
    const u = undefined;
    s.pushFixed(
      t,
      f,
      v[p],
      m > 1 ? v[p + 1] : u,
      m > 2 ? v[p + 2] : u,
      m > 3 ? v[p + 3] : u,
      m > 4 ? v[p + 4] : u,
      m > 5 ? v[p + 5] : u,
      m > 6 ? v[p + 6] : u,
      m > 7 ? v[p + 7] : u,
      m > 8 ? v[p + 8] : u,
    );
  }

  /** Keep the first `n` raw events (their values' references let go, and any a chunk before left). */
  private dropRaw(n: number): void {
    const p = n < this.n ? this.offs[n]! : this.nv;
    this.heads.fill(undefined, n, Math.max(this.n, this.held));
    this.vals.fill(undefined, p, Math.max(this.nv, this.heldVals));
    this.n = n;
    this.nv = p;
    this.held = 0;
    this.heldVals = 0;
  }

  private valueCount(j: number): number {
    const op = this.ops[j]!;
    return op === EVENT ? 0 : op === ID_RECORD ? 2 : (this.heads[j] as FixedKind).keys.length;
  }

  /**
   * No more events are coming (the chunk is full). A lazy chunk with a raw part stays raw (it is
   * let go soon, likely unread) and is sealed when read; otherwise its raw part is encoded and
   * the columns trimmed (a kept chunk holds no spare room or field caches).
   */
  seal(): void {
    if (this.lazy && this.n > 0) {
      this.sealed = true;
      return;
    }
    this.encode();
    this.store.seal();
  }

  at(i: number): (E & { t: number; seq: number }) | undefined {
    this.encode();
    return this.store.at(i);
  }

  kindAt(i: number): string | undefined {
    const j = i - this.encoded;
    if (j < 0) return this.store.kindAt(i);
    if (j >= this.n) return undefined;
    return (this.heads[j] as { kind: string }).kind;
  }

  timeAt(i: number): number | undefined {
    const j = i - this.encoded;
    if (j < 0) return this.store.timeAt(i);
    return j < this.n ? this.times[j] : undefined;
  }

  /**
   * Event `i` as a summary reads it (its kind, time and fields; `seq` not set), built from its raw
   * values without encoding the chunk: the object the emitter made, or the one a listener gets.
   */
  detail(i: number): (E & { t: number }) | undefined {
    const j = i - this.encoded;
    if (j < 0) return this.store.at(i);
    if (j >= this.n) return undefined;
    const op = this.ops[j]!;
    const head = this.heads[j];
    let ev: Record<string, unknown>;
    if (op === EVENT) ev = { ...(head as Record<string, unknown>) };
    else {
      const p = this.offs[j]!;
      const f = head as FixedKind;
      ev = fixedEvent(f, this.vals.slice(p, p + this.valueCount(j)));
    }
    ev.t = this.times[j];
    return ev as E & { t: number };
  }

  /**
   * The record of event `i` if it is raw and of a kind whose record holds a decision's facts
   * (pushIdRecord, FixedKind.facts), else undefined: the summariser tallies a decision from it
   * without building the event.
   */
  factsAt(i: number): DecisionFacts | undefined {
    const j = i - this.encoded;
    if (j < 0 || j >= this.n || this.ops[j] !== ID_RECORD || (this.heads[j] as FixedKind).facts !== true)
      return undefined;
    return this.vals[this.offs[j]! + 1] as DecisionFacts;
  }

  truncate(length: number): void {
    // Cut back, the chunk fills again and is sealed again when full (as a store seals once).
    this.sealed = false;
    const enc = this.encoded;
    if (length >= enc) {
      if (length - enc < this.n) this.dropRaw(length - enc);
      return;
    }
    this.dropRaw(0);
    this.store.truncate(length);
  }

  columnBytes(): number {
    this.encode();
    return this.store.columnBytes();
  }
}

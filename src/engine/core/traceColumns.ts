/**
 * The trace store's columns (traceStore.ts writes them) and reading an event back from them. Per
 * event: a row number (traceRows.ts) and a time (traceTimes.ts); then, in one Int32Array, the value
 * slots its row marks as varying. Where an event's slots begin is found from a checkpoint every 64
 * events plus the sizes of the events between; id marks and WRITTEN objects (traceIdRuns.ts) are
 * resolved by walking from that checkpoint too. A base class, not a helper the store calls: the
 * columns are the store's own fields, so the hot push path reads them with no call between.
 */
import { CHECK_BITS, SLOTS, OBJS, TraceChecks } from './traceChecks';
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
import { INLINE_FIELDS } from './traceFields';
import { NO_ROW, TraceRows, VAR } from './traceRows';
import { type Shape, TraceShapes } from './traceShapes';
import { TraceTimes } from './traceTimes';
import { STRUCT, TraceValues } from './traceValues';

/** Events, own slots and object words to make room for at once. */
export interface SizeHint {
  events: number;
  slots: number;
  objs: number;
}

/** A store without a size hint starts with room for this many events and own slots. */
const FIRST_EVENTS = 512;
const FIRST_SLOTS = 2048;

export class TraceColumns<E extends { kind: string }> {
  protected times: TraceTimes;
  /** Per event, its row (shape and repeated slots, traceRows.ts), or NO_ROW: its slots hold it all. */
  protected rowOf: Uint16Array;
  /**
   * Per event, the values its row marks VAR (or all of them after its shape, if it has no row),
   * one after another: where an event's begin is found from its checkpoint's offset and the
   * sizes of the events between (no 4-byte offset per event).
   */
  protected slots: Int32Array;
  /** Slots used. */
  protected end = 0;
  /** The event whose offset was found last, and that offset (reset by truncate). */
  protected readAt = -1;
  protected readOffset = 0;
  /** The id runs before event `readAt` (traceIdRuns.ts). */
  protected readonly readRuns = newIdRuns();
  protected readonly rows: TraceRows;
  protected count = 0;
  protected readonly shapeTable = new TraceShapes();
  protected readonly shapes: Shape[] = this.shapeTable.list;
  /** Field values as slots, and the pools they refer to. */
  protected readonly values: TraceValues;
  /** Every CHECK_EVERY events, the pools' sizes before that event wrote (traceChecks.ts). */
  protected readonly checks = new TraceChecks();

  /**
   * @param sizeHint events and own slots to make room for at once (a chunk knows it will hold
   *   CHUNK events, and about as many slots as the chunk before): no doubling copies on the way
   * @param maxRows rows at most before events are stored whole (tests lower it)
   */
  constructor(sizeHint?: SizeHint, maxRows?: number) {
    this.rows = new TraceRows(maxRows);
    this.values = new TraceValues(sizeHint?.objs, maxRows);
    // Without a hint, room for a lab start (the ha lab's ~500 events): a store grows by doubling,
    // and each lab start allocating 60 KB of columns it never used kept the collector busy.
    this.times = new TraceTimes(sizeHint?.events ?? FIRST_EVENTS);
    this.rowOf = new Uint16Array(sizeHint?.events ?? FIRST_EVENTS);
    this.slots = new Int32Array(Math.max(sizeHint?.slots ?? FIRST_SLOTS, INLINE_FIELDS + 1));
  }

  get length(): number {
    return this.count;
  }

  /**
   * Calls `slot` with each value slot of event `i` (its row's and its own, which begin at `off`;
   * id marks resolved with `runs`, which move on past the event); returns where the next event's
   * own slots begin.
   */
  protected eachSlot(i: number, off: number, runs: IdRuns, slot?: (x: number) => void): number {
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

/**
 * The trace's repeated rows: an event's shape and the field slots that repeat from request to
 * request (host, hook, addresses, verdict, a shared hook-run list), stored once per chunk and
 * referred to by a 2-byte row number. What varies per event (packet and frame ids, freshly encoded
 * frames, large numbers) stays in the event's own slots; a row marks those fields with VAR. A hook
 * passage then costs its row number and its packet id instead of seven slots.
 */
import { growTyped } from './growTyped';

/** Slot tag (the one the value tags leave free) in a row: the value is the event's next own slot. */
export const VAR = 7;
/** Row numbers fit a Uint16 column; this one is kept for "no row" (the event's slots hold it all). */
export const NO_ROW = 0xffff;

const EMPTY = new Int32Array(0);

export class TraceRows {
  /** Per row: its shape, then one slot per key (VAR where the event holds the value). */
  private words = new Int32Array(256);
  private used = 0;
  private starts = new Uint32Array(64);
  private vars = new Uint8Array(64);
  private count = 0;
  /** Open addressing: row + 1, 0 where empty; rebuilt after a truncation or a seal. */
  private table = new Int32Array(256);

  /** @param max rows at most (the column holds row numbers below NO_ROW) */
  constructor(private readonly max = NO_ROW) {}

  get length(): number {
    return this.count;
  }

  /** Words held (for columnBytes). */
  get words32(): number {
    return this.used;
  }

  /**
   * The row of `shape` with slots `row[from..from+n)` (`vars` of them VAR): found, or added; -1
   * when there is no room for another (the caller stores the value whole).
   */
  intern(shape: number, row: Int32Array, n: number, vars: number, from = 0): number {
    if (vars > 0xff) return -1;
    if (this.table.length === 0) this.rehash(256);
    let h = Math.imul(shape + 1, 0x9e3779b1);
    for (let k = 0; k < n; k++) h = Math.imul(h ^ row[from + k]!, 0x85ebca6b) ^ (h >>> 15);
    const mask = this.table.length - 1;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const e = this.table[p]!;
      if (e === 0) break;
      const s = this.starts[e - 1]!;
      if (this.words[s] !== shape) continue;
      let k = 0;
      while (k < n && this.words[s + 1 + k] === row[from + k]) k++;
      if (k === n) return e - 1;
    }
    if (this.count >= this.max) return -1;
    const r = this.add(shape, row, from, n, vars);
    if (this.count * 2 > this.table.length) this.rehash(this.table.length * 2);
    else this.place(h, r);
    return r;
  }

  shapeOf(r: number): number {
    return this.words[this.starts[r]!]!;
  }

  /** Where row `r`'s slots begin in `slots()` (its shape sits just before). */
  start(r: number): number {
    return this.starts[r]! + 1;
  }

  varsOf(r: number): number {
    return this.vars[r]!;
  }

  /** The rows' words (read with `start`; do not keep across pushes, it may be replaced). */
  slots(): Int32Array {
    return this.words;
  }

  /** Forget rows from `length` on. */
  truncate(length: number): void {
    if (length >= this.count) return;
    this.count = length;
    this.used = length === 0 ? 0 : this.starts[length]!;
    // Emptied: the table keeps its size (a trace kept to a window refills it to about as many rows).
    this.table = length === 0 ? this.table.fill(0) : EMPTY;
  }

  /** Give back spare room; the lookup table is rebuilt if another row is interned. */
  seal(): void {
    this.words = this.words.slice(0, this.used);
    this.starts = this.starts.slice(0, this.count + 1);
    this.vars = this.vars.slice(0, this.count);
    this.table = EMPTY;
  }

  private add(shape: number, row: Int32Array, from: number, n: number, vars: number): number {
    const r = this.count;
    const at = this.used;
    if (at + n + 1 > this.words.length) this.words = growTyped(this.words, at + n + 1);
    if (r + 2 > this.starts.length) this.starts = growTyped(this.starts, r + 2);
    if (r + 1 > this.vars.length) this.vars = growTyped(this.vars, r + 1);
    this.words[at] = shape;
    for (let k = 0; k < n; k++) this.words[at + 1 + k] = row[from + k]!;
    this.starts[r] = at;
    this.vars[r] = vars;
    this.used = at + n + 1;
    this.starts[r + 1] = this.used;
    this.count = r + 1;
    return r;
  }

  private hashOf(r: number): number {
    const s = this.starts[r]!;
    const n = this.starts[r + 1]! - s - 1;
    let h = Math.imul(this.words[s]! + 1, 0x9e3779b1);
    for (let k = 0; k < n; k++) h = Math.imul(h ^ this.words[s + 1 + k]!, 0x85ebca6b) ^ (h >>> 15);
    return h;
  }

  private place(h: number, r: number): void {
    const mask = this.table.length - 1;
    let p = h & mask;
    while (this.table[p] !== 0) p = (p + 1) & mask;
    this.table[p] = r + 1;
  }

  private rehash(size: number): void {
    while (size < this.count * 2 + 2) size *= 2;
    this.table = new Int32Array(size);
    for (let r = 0; r < this.count; r++) this.place(this.hashOf(r), r);
  }
}

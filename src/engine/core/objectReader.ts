/**
 * The words ObjectSlots (objectSlots.ts) writes, and reading them back: an object's slots in key
 * order, where it ends, and the plain object or array it was, rebuilt. A base class, not a helper
 * the writer calls: the words are the writer's own fields, and `end` is on its path too.
 */
import { ObjectShapes } from './objectShapes';
import { ARRAY, ARRAY_SHAPE, FORWARD, NEST, RAW, ROW } from './objectWords';
import { TraceRows, VAR } from './traceRows';

export const STRUCT_TAG = 6;

export class ObjectReader {
  protected slots: Int32Array;
  protected used = 0;
  protected readonly keyLists = new ObjectShapes();
  protected readonly shapes = this.keyLists.keys;
  protected readonly rows: TraceRows;

  /**
   * @param decodeValue decodes any tagged slot
   * @param words room to make for words at once
   * @param maxRows rows at most before objects are written whole (tests lower it)
   */
  constructor(
    protected readonly decodeValue: (x: number) => unknown,
    words: number,
    maxRows?: number,
  ) {
    this.slots = new Int32Array(words);
    this.rows = new TraceRows(maxRows);
  }

  /** Words written so far. */
  get length(): number {
    return this.used;
  }

  /** Bytes held: words written and rows. */
  bytes(): number {
    return this.used * 4 + this.rows.words32 * 4 + this.rows.length * 9;
  }

  /**
   * Calls `slot` with each slot of the object written at `offset` (and `raw` with each raw
   * integer, in key order among them); returns the word after it and the objects nested in it.
   */
  visit(offset: number, slot: (x: number) => void, raw?: (v: number) => void): number {
    const h = this.slots[offset]!;
    if ((h & 3) === FORWARD) return this.visit(h >>> 2, slot, raw);
    if ((h & 3) !== ROW) {
      const n = (h & 3) === ARRAY ? h >>> 2 : this.shapes[h >>> 2]!.length;
      for (let k = 0; k < n; k++) slot(this.slots[offset + 1 + k]!);
      return offset + 1 + n;
    }
    const r = h >>> 2;
    const words = this.rows.slots();
    const at = this.rows.start(r);
    const n = this.sizeOf(this.rows.shapeOf(r));
    // Nested objects first: own words begin after them.
    let own = offset + 1;
    for (let k = 0; k < n; k++) if (words[at + k] === NEST) own = this.end(own);
    let nested = offset + 1;
    for (let k = 0; k < n; k++) {
      const x = words[at + k]!;
      if (x === RAW) {
        // Read before the optional call: `raw?.(…)` would skip the word's read when absent.
        const v = this.slots[own++]! >>> 0;
        raw?.(v);
      } else if (x === NEST) {
        const child = nested;
        nested = this.end(child);
        slot((child << 3) | STRUCT_TAG);
      } else slot(x === VAR ? this.slots[own++]! : x);
    }
    return own;
  }

  /** The word after the object written at `offset` and the objects nested in it. */
  end(offset: number): number {
    const h = this.slots[offset]!;
    if ((h & 3) === FORWARD) return this.end(h >>> 2);
    if ((h & 3) !== ROW) return offset + 1 + ((h & 3) === ARRAY ? h >>> 2 : this.shapes[h >>> 2]!.length);
    const r = h >>> 2;
    const words = this.rows.slots();
    const at = this.rows.start(r);
    let next = offset + 1;
    for (let k = 0, n = this.sizeOf(this.rows.shapeOf(r)); k < n; k++)
      if (words[at + k] === NEST) next = this.end(next);
    return next + this.rows.varsOf(r);
  }

  /** The plain object or array written at `offset`, rebuilt. */
  decode(offset: number): unknown {
    const h = this.slots[offset]!;
    if ((h & 3) === FORWARD) return this.decode(h >>> 2);
    const shape =
      (h & 3) === ROW ? this.rows.shapeOf(h >>> 2) : (h & 3) === ARRAY ? ARRAY_SHAPE | (h >>> 2) : h >>> 2;
    const keys = shape & ARRAY_SHAPE ? undefined : this.shapes[shape]!;
    const out: Record<string, unknown> | unknown[] = keys ? {} : new Array<unknown>(shape & ~ARRAY_SHAPE);
    let k = 0;
    const put = (v: unknown): void => {
      (out as Record<string | number, unknown>)[keys ? keys[k]! : k] = v;
      k++;
    };
    this.visit(offset, (x) => put(this.decodeValue(x)), put);
    return out;
  }

  protected sizeOf(shape: number): number {
    return shape & ARRAY_SHAPE ? shape & ~ARRAY_SHAPE : this.shapes[shape]!.length;
  }
}

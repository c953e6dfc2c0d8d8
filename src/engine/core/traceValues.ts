/**
 * How a trace store's field values become 32-bit slots and back: a tag in the low 3 bits and a
 * payload above it. Small integers and constants are held in the slot itself; strings are
 * interned (ids like `pkt#12` kept as their number, traceStrings.ts); plain objects and arrays
 * are encoded into their own words (objectSlots.ts); other numbers and objects (explanations)
 * go to pools and are kept by reference. The pools only grow while events are pushed, so a
 * checkpoint of their sizes (and `reach`) is enough to truncate them.
 */
import { ObjectSlots, STRUCT_TAG } from './objectSlots';
import { STR, TraceStrings } from './traceStrings';

/** Value tags, in the low 3 bits of a slot (7 is traceRows.ts's VAR). */
export const INT = 0; // payload: a small integer
export { STR }; // payload: index of an interned string (traceStrings.ts)
export const CONST = 2; // payload: index into CONSTS
const OBJ = 3; // payload: index into `objects`
const NUM = 4; // payload: index into `numbers` (non-integers, large integers)
// ID = 5, payload: (n << 4) | prefix index, for `prefix#n` (traceStrings.ts)
export const STRUCT = STRUCT_TAG; // payload: offset of an encoded plain object or array in `objs`

const CONSTS = [null, false, true, undefined] as const;
const MAX_INT = 1 << 27;

/** Integers in [-SMALL, SMALL) go into rows (exit codes, timeouts); others vary (indexes, ports). */
const SMALL = 256;

/** Where the pools end: words of encoded objects, objects kept by reference, numbers. */
export interface PoolEnds {
  objs: number;
  objects: number;
  numbers: number;
}

export class TraceValues {
  readonly strs = new TraceStrings();
  private readonly objects: object[] = [];
  private readonly numbers: number[] = [];
  /** Plain objects and arrays, encoded. */
  readonly objs: ObjectSlots;
  /** Object words and strings that existed a while before the event being pushed (see `shared`). */
  oldObjs = 0;
  oldStrings = 0;

  /**
   * @param objWords words of encoded objects to make room for at once
   * @param maxRows rows at most for encoded objects (tests lower it)
   */
  constructor(objWords?: number, maxRows?: number) {
    this.objs = new ObjectSlots(
      (v) => this.encode(v),
      (x) => this.decode(x),
      (o) => this.reference(o),
      (x) => this.shared(x),
      this.strs,
      objWords,
      maxRows,
    );
  }

  /** The slot of object `o` kept by reference (not plain data: an explanation, a decision record). */
  reference(o: object): number {
    this.objects.push(o);
    return ((this.objects.length - 1) << 3) | OBJ;
  }

  /** The pools' sizes now (a checkpoint). */
  ends(): PoolEnds {
    return { objs: this.objs.length, objects: this.objects.length, numbers: this.numbers.length };
  }

  get objectCount(): number {
    return this.objects.length;
  }

  get numberCount(): number {
    return this.numbers.length;
  }

  /** Approximate bytes of the pools and encoded objects (not of the objects kept by reference). */
  bytes(): number {
    return this.numbers.length * 8 + this.objects.length * 8 + this.objs.bytes();
  }

  /**
   * Whether slot `x` may go into an event's row: values that recur from request to request (small
   * integers, constants, strings and shared lists that existed a while ago). Ids, fresh strings
   * (a client's ip:port), fresh objects (a frame) and pooled values vary per event: in a row they
   * would make every row new.
   */
  shared(x: number): boolean {
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

  /** Widen `ends` to cover the pooled values slot `x` refers to, nested ones included. */
  reach(x: number, ends: PoolEnds): void {
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

  /** Forget pooled values past `ends` (strings are kept: codes handed out stay valid). */
  truncate(ends: PoolEnds): void {
    this.objs.truncate(ends.objs);
    this.objects.length = ends.objects;
    this.numbers.length = ends.numbers;
  }

  seal(): void {
    this.objs.seal();
  }

  encode(v: unknown): number {
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

  decode(x: number): unknown {
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

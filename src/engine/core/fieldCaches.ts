/**
 * What a trace store's push remembers per field of an event shape (or of an encoded object's key
 * list) so most values skip the pools' maps: the strings stored there last and their slots, the
 * shared objects met there last, and guesses about the objects written there. Only pushes read
 * them: a sealed store drops them (traceShapes.ts), and they are made again if it is written.
 */
import { ID, type TraceStrings } from './traceStrings';

/**
 * A shape's caches, each part made when its field first needs it: of an ha lab start's ~150 event
 * fields, ~120 hold strings and 3 hold plain objects, and a start makes ~40 shapes' caches afresh
 * (every trace store does); made whole, they were a tenth of the bytes a start allocates.
 */
export interface FieldCaches {
  /** Fields. */
  readonly n: number;
  /** Made at the first string cached here. */
  strings: StringWays | undefined;
  /** Made at the first object met here. */
  objects: ObjectWays | undefined;
}

export interface StringWays {
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
  /** Per field, whether the string it held last was an id (`pkt#12`): parsed before the map is asked. */
  ids: boolean[];
}

export interface ObjectWays {
  /**
   * Per field, the last OBJECT_WAYS objects found in the pool's sharing maps and their slots (a
   * host's shared hook-run lists recur passage after passage): found by identity before the maps
   * are asked. Cleared when the store is truncated (a slot may point past the end).
   */
  lastObjs: (object | undefined)[];
  lastObjCodes: number[];
  nextObj: number[];
  /** Per field, objects written fresh in a row (traceFields.ts: such a field skips the sharing maps). */
  fresh: number[];
  /** Per field, the key list of the object encoded there last (objectShapes.ts's guesses). */
  objHints: Int32Array;
}

/**
 * Strings remembered per field: eight, as a hook field cycles through five hook points and a
 * socket's states through more than four (with four ways they missed every time).
 */
export const WAYS = 8;
/** Misses in a row after which a field's last string is no longer compared… */
export const COLD = 4;
/** …until this many of its events have passed. */
export const REPROBE = 64;
/** Objects remembered per field (a hook field shows a few hosts' lists in turn). */
const OBJECT_WAYS = 4;

/**
 * Events of a shape (or objects of a key list) written without caches: the caches pay for
 * themselves over many events, and most of the ~40 shapes of a lab start are met a few times
 * (made for each, they were ~18% of the heap a started ha lab holds). Cold, a field's values
 * go to the pools directly: the same slots, found by hashing instead of comparing.
 */
export const WARM = 16;

/** Empty caches for `n` fields (their parts are made when first used). */
export function newCaches(n: number): FieldCaches {
  return { n, strings: undefined, objects: undefined };
}

function newStringWays(n: number): StringWays {
  return {
    lastStrings: new Array<string | undefined>(n * WAYS).fill(undefined),
    lastCodes: new Array<number>(n * WAYS).fill(0),
    next: new Array<number>(n).fill(0),
    misses: new Array<number>(n).fill(0),
    ids: new Array<boolean>(n).fill(false),
  };
}

/** `c`'s object part, made if it has none. */
export function objectWays(c: FieldCaches): ObjectWays {
  return (c.objects ??= {
    lastObjs: new Array<object | undefined>(c.n * OBJECT_WAYS).fill(undefined),
    lastObjCodes: new Array<number>(c.n * OBJECT_WAYS).fill(0),
    nextObj: new Array<number>(c.n).fill(0),
    fresh: new Array<number>(c.n).fill(0),
    objHints: new Int32Array(c.n).fill(-1),
  });
}

/**
 * The slot for string `val` stored in field `n`: compared with the strings stored there last
 * before the pool hashes it. Strings are never forgotten (truncate keeps them), so a field's last
 * codes stay valid.
 */
export function cachedCode(f: FieldCaches, n: number, val: string, strs: TraceStrings): number {
  const c = (f.strings ??= newStringWays(f.n));
  const misses = c.misses[n]!;
  if (misses >= COLD) {
    c.misses[n] = misses === REPROBE ? 0 : misses + 1;
    return codeOf(c, n, val, strs);
  }
  const seen = c.lastStrings;
  const base = n * WAYS;
  let j = 0;
  while (j < WAYS && seen[base + j] !== val) j++;
  if (j < WAYS) {
    c.misses[n] = 0;
    return c.lastCodes[base + j]!;
  }
  c.misses[n] = misses + 1;
  const w = c.next[n]!;
  c.next[n] = (w + 1) % WAYS;
  seen[base + w] = val;
  return (c.lastCodes[base + w] = codeOf(c, n, val, strs));
}

function codeOf(c: StringWays, n: number, val: string, strs: TraceStrings): number {
  const x = strs.code(val, c.ids[n]);
  c.ids[n] = (x & 7) === ID;
  return x;
}

/** The slot of object `val` if field `n` holds it among its last objects, else -1. */
export function objectCode(f: FieldCaches, n: number, val: object): number {
  const c = f.objects;
  if (c === undefined) return -1;
  const base = n * OBJECT_WAYS;
  const seen = c.lastObjs;
  for (let j = 0; j < OBJECT_WAYS; j++) if (seen[base + j] === val) return c.lastObjCodes[base + j]!;
  return -1;
}

/** Remember that object `val`, met again in field `n`, has slot `x`. */
export function rememberObject(c: ObjectWays, n: number, val: object, x: number): void {
  const w = c.nextObj[n]!;
  c.nextObj[n] = (w + 1) % OBJECT_WAYS;
  c.lastObjs[n * OBJECT_WAYS + w] = val;
  c.lastObjCodes[n * OBJECT_WAYS + w] = x;
}

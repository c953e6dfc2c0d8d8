/**
 * A trace store's event shapes: a kind and its keys in emit order, numbered in the order met. Each
 * shape also remembers, per field, the strings stored there last (the store's push compares
 * them before hashing a string for the pool).
 */
import { ID, type TraceStrings } from './traceStrings';

export interface Shape {
  id: number;
  kind: string;
  keys: readonly string[];
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

/**
 * The slot for string `val` stored in field `n` of an event of `shape`: compared with the strings
 * stored there last before the pool hashes it. Strings are never forgotten (truncate keeps them),
 * so a field's last codes stay valid.
 */
export function cachedCode(shape: Shape, n: number, val: string, strs: TraceStrings): number {
  const misses = shape.misses[n]!;
  if (misses >= COLD) {
    shape.misses[n] = misses === REPROBE ? 0 : misses + 1;
    return codeOf(shape, n, val, strs);
  }
  const seen = shape.lastStrings;
  const base = n * WAYS;
  let j = 0;
  while (j < WAYS && seen[base + j] !== val) j++;
  if (j < WAYS) {
    shape.misses[n] = 0;
    return shape.lastCodes[base + j]!;
  }
  shape.misses[n] = misses + 1;
  const w = shape.next[n]!;
  shape.next[n] = (w + 1) % WAYS;
  seen[base + w] = val;
  return (shape.lastCodes[base + w] = codeOf(shape, n, val, strs));
}

function codeOf(shape: Shape, n: number, val: string, strs: TraceStrings): number {
  const x = strs.code(val, shape.ids[n]);
  shape.ids[n] = (x & 7) === ID;
  return x;
}

/** Objects remembered per field (a hook field shows a few hosts' lists in turn). */
const OBJECT_WAYS = 4;

/** The slot of object `val` if field `n` of `shape` holds it among its last objects, else -1. */
export function objectCode(shape: Shape, n: number, val: object): number {
  const base = n * OBJECT_WAYS;
  const seen = shape.lastObjs;
  for (let j = 0; j < OBJECT_WAYS; j++) if (seen[base + j] === val) return shape.lastObjCodes[base + j]!;
  return -1;
}

/** Remember that object `val`, met again in field `n` of `shape`, has slot `x`. */
export function rememberObject(shape: Shape, n: number, val: object, x: number): void {
  const w = shape.nextObj[n]!;
  shape.nextObj[n] = (w + 1) % OBJECT_WAYS;
  shape.lastObjs[n * OBJECT_WAYS + w] = val;
  shape.lastObjCodes[n * OBJECT_WAYS + w] = x;
}

/** A shape with empty caches (also the string caches of an encoded object's key list, objectSlots.ts). */
export function newShape(id: number, kind: string, keys: readonly string[]): Shape {
  return {
    id,
    kind,
    keys,
    lastStrings: new Array<string | undefined>(keys.length * WAYS).fill(undefined),
    lastCodes: new Array<number>(keys.length * WAYS).fill(0),
    next: keys.map(() => 0),
    misses: keys.map(() => 0),
    ids: keys.map(() => false),
    lastObjs: new Array<object | undefined>(keys.length * OBJECT_WAYS).fill(undefined),
    lastObjCodes: new Array<number>(keys.length * OBJECT_WAYS).fill(0),
    nextObj: keys.map(() => 0),
    fresh: keys.map(() => 0),
    objHints: new Int32Array(keys.length).fill(-1),
  };
}

/** Forget the objects the shapes' fields held last (the store was truncated). */
export function forgetObjects(shapes: readonly Shape[]): void {
  for (const s of shapes) s.lastObjs.fill(undefined);
}

/** Whether `ev`'s own keys, less the envelope's, are exactly `keys` in that order. */
function hasKeys(ev: object, keys: readonly string[]): boolean {
  let n = 0;
  for (const k in ev) {
    if (k === 'kind' || k === 't' || k === 'seq') continue;
    if (keys[n] !== k) return false;
    n++;
  }
  return n === keys.length;
}

export class TraceShapes {
  /** By id. */
  readonly list: Shape[] = [];
  /** Per kind, the shape found or made for it last (most kinds have one shape). */
  readonly latest = new Map<string, Shape>();
  private readonly byKind = new Map<string, number[]>();

  /**
   * The id of the shape of event `ev` (its keys less the envelope's): kinds with a few shapes (a
   * route's input and output forms) alternate, and are matched without building a key list.
   */
  match(kind: string, ev: object): number {
    const ids = this.byKind.get(kind);
    if (ids)
      for (const id of ids) {
        const s = this.list[id]!;
        if (hasKeys(ev, s.keys)) {
          this.latest.set(kind, s);
          return id;
        }
      }
    const keys: string[] = [];
    for (const k in ev) if (k !== 'kind' && k !== 't' && k !== 'seq') keys.push(k);
    return this.find(kind, keys);
  }

  /** The id of the shape of `kind` with `keys` in this order: found or made, then remembered as its latest. */
  find(kind: string, keys: readonly string[]): number {
    let ids = this.byKind.get(kind);
    if (!ids) this.byKind.set(kind, (ids = []));
    for (const id of ids) {
      const s = this.list[id]!;
      if (s.keys.length !== keys.length) continue;
      let same = true;
      for (let k = 0; k < keys.length && same; k++) same = s.keys[k] === keys[k];
      if (same) {
        this.latest.set(kind, s);
        return id;
      }
    }
    const id = this.list.length;
    if (id > 0xffff) throw new Error('trace: too many event shapes');
    const shape = newShape(id, kind, keys);
    this.list.push(shape);
    this.latest.set(kind, shape);
    ids.push(id);
    return id;
  }
}

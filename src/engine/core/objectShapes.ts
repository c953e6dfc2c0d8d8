/**
 * The key lists of the plain objects a trace store encodes (objectSlots.ts), numbered in the order
 * met, found without building a key list per object. Each list also carries per-key string caches
 * (fieldCaches.ts's `cachedCode`): an encoded frame's MAC and IP addresses recur frame after
 * frame, and comparing them with the strings stored there last is cheaper than the pool's map.
 */
import { type FieldCaches, newCaches, WARM } from './fieldCaches';

const NONE: readonly number[] = [];

/** The key list of an object with an own `__proto__` key (read back, it would set the prototype). */
export const UNSAFE = -1;

/**
 * Whether `v`'s own enumerable keys are exactly `keys`, in that order; its values are copied to
 * `out` from `at` on as they are met (the writer reads them there: one walk of the keys, not two).
 */
function hasOwnKeys(v: object, keys: readonly string[], out: unknown[], at: number): boolean {
  let n = 0;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    if (keys[n] !== k) return false;
    out[at + n++] = (v as Record<string, unknown>)[k];
  }
  return n === keys.length;
}

/** Values read by `ownKeysAre`, not kept: it asks only whether the keys match. */
const SCRATCH: unknown[] = [];

/** Whether `v`'s own enumerable keys are exactly `keys`, in that order (an emitter choosing a packed form). */
export function ownKeysAre(v: object, keys: readonly string[]): boolean {
  return hasOwnKeys(v, keys, SCRATCH, 0);
}

export class ObjectShapes {
  /** Key lists by index. */
  readonly keys: (readonly string[])[] = [];
  /** Per key list, its string caches while the store is written (dropped at seal, made again on a write). */
  private caches: (FieldCaches | undefined)[] = [];
  /** Per key list, objects written with it so far, counted up to WARM. */
  private readonly uses: number[] = [];
  /**
   * Per key list, per key, the key list of the object found there last (-1: none yet): an IPv4
   * header's payload is a TCP segment again, though both begin with `proto` (objectSlots.ts).
   */
  readonly hints: Int32Array[] = [];
  /** The same for arrays' elements, by the array's length (TCP options: `[nop, nop, timestamp]`). */
  private readonly byLength: Int32Array[] = [];
  private readonly byFirst = new Map<string, number[]>();
  /** Per first key, the key list used last (most objects with a first key share one shape). */
  private readonly lastByFirst = new Map<string, number>();

  /**
   * The key list index of plain object `v`, without building its key list unless it is new:
   * `hint` (a guess; -1 for none), else the last list used with its first key, else the others
   * with that first key (an IPv4 header and its TCP segment both begin with `proto`, TCP options
   * with `kind`). Unless it is UNSAFE, `v`'s values are left in `out` from `at` on, in key order.
   */
  of(v: object, hint: number, out: unknown[], at: number): number {
    if (hint >= 0 && hasOwnKeys(v, this.keys[hint]!, out, at)) return hint;
    let first: string | undefined;
    let id = -1;
    let keys: readonly string[] | undefined;
    let n = 0;
    for (const k in v) {
      if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
      if (n === 0) {
        first = k;
        id = this.lastByFirst.get(k) ?? -1;
        keys = id < 0 ? undefined : this.keys[id];
      } else if (keys !== undefined && keys[n] !== k) keys = undefined;
      out[at + n++] = (v as Record<string, unknown>)[k];
    }
    if (keys !== undefined && keys.length === n) return id;
    for (const other of this.byFirst.get(first ?? '') ?? NONE) {
      const s = this.keys[other]!;
      if (s.length === n && hasOwnKeys(v, s, out, at)) {
        this.lastByFirst.set(first ?? '', other);
        return other;
      }
    }
    const all: string[] = [];
    for (const k in v) if (Object.prototype.hasOwnProperty.call(v, k)) all.push(k);
    // Checked once per new key list, not per object: such a list is never made, so never matched.
    if (all.includes('__proto__')) return UNSAFE;
    id = this.idOf(all);
    this.lastByFirst.set(first ?? '', id);
    return id;
  }

  /** Key list `id`'s string caches: none while it is cold (fieldCaches.ts WARM), else made if it has none. */
  cachesOf(id: number): FieldCaches | undefined {
    const c = this.caches[id];
    if (c !== undefined) return c;
    const n = this.uses[id]!;
    if (n < WARM) {
      this.uses[id] = n + 1;
      return undefined;
    }
    return (this.caches[id] = newCaches(this.keys[id]!.length));
  }

  /** Let go of the string caches (the store is sealed). */
  dropCaches(): void {
    this.caches = [];
  }

  /** The guesses for the elements of arrays of length `n`. */
  arrayHints(n: number): Int32Array {
    return (this.byLength[n] ??= new Int32Array(n).fill(-1));
  }

  private idOf(keys: readonly string[]): number {
    const first = keys[0] ?? '';
    let list = this.byFirst.get(first);
    if (!list) this.byFirst.set(first, (list = []));
    for (const id of list) {
      const s = this.keys[id]!;
      if (s.length !== keys.length) continue;
      let same = true;
      for (let k = 0; k < s.length && same; k++) same = s[k] === keys[k];
      if (same) return id;
    }
    const id = this.keys.length;
    this.keys.push(keys);
    this.uses.push(0);
    this.hints.push(new Int32Array(keys.length).fill(-1));
    list.push(id);
    return id;
  }
}

/**
 * A trace store's event shapes: a kind and its keys in emit order, numbered in the order met. Each
 * shape also carries, while its store is written, per-field caches (fieldCaches.ts: the strings
 * and shared objects stored there last, compared before the pools are asked).
 */
import { type FieldCaches, newCaches, WARM } from './fieldCaches';
import type { Expand } from './traceFixed';
import type { RowMemo } from './traceRowMemo';

export interface Shape {
  id: number;
  kind: string;
  keys: readonly string[];
  /** What the push path remembers per field (fieldCaches.ts); made once warm, dropped at seal. */
  caches: FieldCaches | undefined;
  /** A packed kind's reader (traceFixed.ts), set when the kind is first pushed. */
  expand: Expand | undefined;
  /** Events of this shape pushed so far, counted up to WARM. */
  pushes: number;
  /** A recurring fixed kind's whole rows (traceRowMemo.ts); made with the caches, dropped with them. */
  memo: RowMemo | undefined;
}

/** `shape`'s field caches: none while it is cold, then made if it has none (new, or its store was sealed). */
export function cachesOf(shape: Shape): FieldCaches | undefined {
  const c = shape.caches;
  if (c !== undefined) return c;
  if (shape.pushes < WARM) {
    shape.pushes++;
    return undefined;
  }
  return (shape.caches = newCaches(shape.keys.length));
}

/** Let go of the shapes' field caches (the store is sealed: no pushes expected). */
export function dropCaches(shapes: readonly Shape[]): void {
  for (const s of shapes) {
    s.caches = undefined;
    s.memo = undefined;
  }
}

/** Forget the objects the shapes' fields held last (the store was truncated). */
export function forgetObjects(shapes: readonly Shape[]): void {
  for (const s of shapes) s.caches?.objects?.lastObjs.fill(undefined);
  // Their rows and shared lists may be gone too.
  forgetRows(shapes);
}

/** Forget the rows remembered for recurring kinds (traceRowMemo.ts). */
export function forgetRows(shapes: readonly Shape[]): void {
  for (const s of shapes) s.memo = undefined;
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
    const shape: Shape = { id, kind, keys, caches: undefined, expand: undefined, pushes: 0, memo: undefined };
    this.list.push(shape);
    this.latest.set(kind, shape);
    ids.push(id);
    return id;
  }
}

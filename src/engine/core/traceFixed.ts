/**
 * Kinds the engine emits thousands of times per request burst (hook passages, routing decisions,
 * scheduler picks), each with one key list: the engine hands their values in key order and the
 * store encodes them straight into its columns (TraceStore.pushFixed), with no event object
 * built, no key walk and no key check. The columns are the same as for the event object a
 * generic push would have been given, so reading, truncating and hashing the trace are unchanged.
 * A packed kind (packedKind) stores fewer values and is read back through its `expand`.
 */

/**
 * A fixed kind: its name and its keys, in the order an event object of it would list them. `V`,
 * the types of its values in that order, exists for the type checker only.
 */
export interface FixedKind<V extends readonly unknown[] = readonly unknown[]> {
  /** Index into each store's table of shapes for fixed kinds. */
  readonly id: number;
  readonly kind: string;
  readonly keys: readonly string[];
  readonly values?: V;
  /** A packed kind's reader: the event as emitted, from the one stored (see `packedKind`). */
  readonly expand?: Expand | undefined;
  /** Its events recur whole (a hook passage, a routing decision): the store remembers their rows (traceRowMemo.ts). */
  readonly recurs?: boolean | undefined;
  /**
   * Bit k: value k is always a class instance (a decision record), kept by reference as any such
   * value is: the store skips asking what it is (see `packedKind`).
   */
  readonly refs?: number;
  /**
   * A packed id-and-record kind whose record holds what a summary tallies of a decision
   * (traceSummary.ts DecisionFacts): a summariser reads it there instead of expanding the event.
   */
  readonly facts?: boolean | undefined;
}

/** Rebuilds an event from its stored form (kind and stored keys): its own keys, in emit order. */
export type Expand = (stored: Record<string, unknown>) => { kind: string } & Record<string, unknown>;

/** The value types of event type `E`'s keys `K`, in order. */
type ValuesOf<E, K extends readonly (keyof E)[]> = { -readonly [I in keyof K]: E[K[I]] };

/** Values a fixed kind may have (pushFixed takes them as arguments, not as a list). */
export const MAX_FIXED_FIELDS = 9;

let made = 0;

/**
 * Declare a fixed kind of event type `E`: `fixedKind<E>()(kind, keys)`, once, at module load (ids
 * index per-store tables). `keys`: every key a generic event of the kind would have, in its
 * literal's order; the values are then type-checked against `E` in that order. `recurs`: its
 * events mostly repeat an earlier one's values but for the packet or frame ids (no object made
 * for the event, like a frame): the store then finds their rows by comparing values.
 */
export function fixedKind<E extends { kind: string }>() {
  return <const K extends readonly (keyof E & string)[]>(
    kind: E['kind'],
    keys: K,
    recurs = false,
  ): FixedKind<ValuesOf<E, K>> => {
    if (keys.length === 0 || keys.length > MAX_FIXED_FIELDS)
      throw new Error(`trace: ${kind} has ${keys.length} fields`);
    return kindOf(kind, keys, undefined, recurs, 0, false);
  };
}

/**
 * Declare a packed kind: stored as the values of `keys` (fewer than its event has: one may be a
 * record holding several fields by reference), read back through `expand`, which gives the event
 * as emitted, so readers (the views, --trace JSON, the trace hash) see no difference. For the
 * hottest decisions, whose every field would otherwise cost the store a lookup. `byReference`:
 * keys whose value is always a class instance (never plain data: its type says so), stored as
 * the store stores any such value, without asking what it is. `facts`: see FixedKind.facts.
 */
export function packedKind<V extends readonly unknown[]>(
  kind: string,
  keys: readonly string[],
  expand: Expand,
  byReference: readonly string[] = [],
  facts = false,
): FixedKind<V> {
  if (keys.length === 0 || keys.length > MAX_FIXED_FIELDS)
    throw new Error(`trace: ${kind} has ${keys.length} fields`);
  let refs = 0;
  for (const k of byReference) {
    if (!keys.includes(k)) throw new Error(`trace: ${kind} has no key ${k}`);
    refs |= 1 << keys.indexOf(k);
  }
  return kindOf(kind, keys, expand, false, refs, facts);
}

/**
 * Every fixed and packed kind as one literal, its fields in one order: the push path, the raw
 * part's replay and the summary's tally read `keys`, `id` and `facts` of both sorts, and two
 * object shapes made each of those reads a check against two maps.
 */
function kindOf(
  kind: string,
  keys: readonly string[],
  expand: Expand | undefined,
  recurs: boolean,
  refs: number,
  facts: boolean,
): FixedKind<never> {
  return Object.freeze({ id: made++, kind, keys: Object.freeze([...keys]), expand, recurs, refs, facts });
}

/** The event object a generic push would have been given (listeners want one). */
export function fixedEvent(
  f: FixedKind,
  values: readonly unknown[],
): { kind: string } & Record<string, unknown> {
  const ev: { kind: string } & Record<string, unknown> = { kind: f.kind };
  for (let k = 0; k < f.keys.length; k++) ev[f.keys[k]!] = values[k];
  return f.expand ? f.expand(ev) : ev;
}

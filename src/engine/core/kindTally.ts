/**
 * Counting a let-go chunk's raw events by kind (traceChunks.ts summarises ~16,000 at a time, most
 * never read). Per event the summary wants only its kind and, for a decision or a configuration
 * event, the event itself; asking `kind` of each head and bumping `byKind[kind]` (a keyed store
 * on a dictionary) cost ~35 ns an event, ~5% of a request. Here a kind is a small slot found from
 * its fixed kind's id (most events are fixed: traceFixed.ts), counted in a typed array, and added
 * to the summary once per kind per chunk, its key made where the kind first appeared so that
 * `byKind` lists kinds in the same order as counting event by event did.
 */
import type { FixedKind } from './traceFixed';
import type { TraceSummary } from './traceSummary';

/** A raw part as traceLazy.ts holds it: per event, how it was pushed and its head. */
export interface RawKinds {
  readonly n: number;
  readonly ops: Uint8Array;
  readonly heads: readonly unknown[];
  /** The op of an event pushed whole (its head is the event; any other op's head is a FixedKind). */
  readonly eventOp: number;
}

/**
 * Positions of a raw part's special events, refilled chunk by chunk. An array emptied with
 * `length = 0` gives its store back, and pushing a part's decisions (thousands a chunk on a
 * director) grew it anew every chunk: ~32 B per decision of garbage.
 */
export class Positions {
  at = new Int32Array(64);
  n = 0;

  push(j: number): void {
    if (this.n === this.at.length) {
      const at = new Int32Array(this.at.length * 2);
      at.set(this.at);
      this.at = at;
    }
    this.at[this.n++] = j;
  }
}

export class KindTally {
  /** Per fixed kind id, its slot + 1 (0: none yet). */
  private fixedSlots: number[] = [];
  /** Per kind pushed as a whole event, its slot. */
  private readonly eventSlots = new Map<string, number>();
  private readonly kinds: string[] = [];
  /** Per slot, 1 when its events are handed out one by one (see `special`). */
  private specials = new Uint8Array(16);
  private counts = new Int32Array(16);

  /**
   * @param special kinds the summary needs as events (decisions, configuration)
   * @param summary the summary a new kind's key is made in, in order of first appearance
   */
  constructor(
    private readonly special: (kind: string) => boolean,
    private readonly summary: TraceSummary,
  ) {}

  /**
   * Count the raw events' kinds into the summary's `byKind` (not its totals), except special
   * ones, whose positions are written to `out`. Returns how many were counted.
   */
  count(raw: RawKinds, out: Positions): number {
    const counted = this.tallyRaw(raw, out);
    const counts = this.counts;
    const byKind = this.summary.byKind;
    for (let s = 0; s < this.kinds.length; s++) {
      const c = counts[s]!;
      if (c === 0) continue;
      byKind[this.kinds[s]!]! += c;
      counts[s] = 0;
    }
    return counted;
  }

  /**
   * The loop over a chunk's events, alone in its method, returning at once when done. It runs
   * ~16,000 times a call, a few calls a second, so V8 compiles it on stack (OSR) during its first
   * call, before anything after the loop has run: code after the loop had no type feedback and
   * deoptimised there, and this V8 re-entered the same cached OSR code every chunk after (125
   * deopts per 12k requests).
   */
  private tallyRaw(raw: RawKinds, out: Positions): number {
    const { n, ops, heads, eventOp } = raw;
    const fixed = this.fixedSlots;
    let counts = this.counts;
    let counted = 0;
    out.n = 0;
    for (let j = 0; j < n; j++) {
      const head = heads[j];
      let slot: number;
      if (ops[j] !== eventOp) {
        slot = (fixed[(head as FixedKind).id] ?? 0) - 1;
        if (slot < 0) slot = this.slotOfFixed(head as FixedKind);
      } else slot = this.slotOf((head as { kind: string }).kind);
      if (slot >= counts.length) counts = this.grow();
      if (this.specials[slot] === 1) out.push(j);
      else {
        counts[slot]!++;
        counted++;
      }
    }
    return counted;
  }

  private slotOfFixed(f: FixedKind): number {
    const slot = this.slotOf(f.kind);
    this.fixedSlots[f.id] = slot + 1;
    return slot;
  }

  private slotOf(kind: string): number {
    let slot = this.eventSlots.get(kind);
    if (slot !== undefined) return slot;
    slot = this.kinds.length;
    this.kinds.push(kind);
    this.eventSlots.set(kind, slot);
    if (slot >= this.specials.length) this.grow();
    this.specials[slot] = this.special(kind) ? 1 : 0;
    // The key where the kind first appeared (a special one's count comes with its event).
    this.summary.byKind[kind] ??= 0;
    return slot;
  }

  private grow(): Int32Array<ArrayBuffer> {
    const n = Math.max(this.kinds.length, this.counts.length) * 2;
    const counts = new Int32Array(n);
    counts.set(this.counts);
    const specials = new Uint8Array(n);
    specials.set(this.specials);
    this.counts = counts;
    this.specials = specials;
    return counts;
  }
}

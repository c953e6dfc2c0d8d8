import type { Dest } from '../types';
import { CountedDest } from './countedDest';

/**
 * The counters decisions compared, written down once per change rather than once per decision.
 *
 * A chunk starts with a snapshot of every dest of the list (SNAP words each, list order) and goes
 * on with one entry (ENTRY words) per dest whose counters changed between two decisions. A
 * decision keeps its chunk and the length it had: the counters it saw are the snapshot with the
 * entries before that length applied (readCounters). A decision costs O(changed dests), usually
 * one (the last winner's count), instead of O(dests); reading one back replays at most one chunk.
 * Pure storage: nothing here is observable.
 */

/** Per dest in a snapshot: weight << 2 | flags, active, inactive (weights are 0..65535). */
export const SNAP = 3;
/** Per change: the dest's slot (list index at the snapshot), then its SNAP words. */
const ENTRY = 1 + SNAP;
export const F_OVERLOADED = 1;
export const F_AVAILABLE = 2;

/** A chunk's size, in words, once the journal is busy: ~2,000 one-dest changes after the snapshot. */
const CHUNK = 1 << 13;
/** A new journal's first chunk: labs with few decisions keep small chunks. */
const FIRST_CHUNK = 1 << 8;
/** The snapshot takes at most this share of a chunk (so at least 3× its size goes to entries). */
const SNAP_SHARE = 4;

export function packFlags(d: Pick<Dest, 'weight' | 'overloaded' | 'available'>): number {
  return (d.weight << 2) | (d.overloaded ? F_OVERLOADED : 0) | (d.available ? F_AVAILABLE : 0);
}

/** The journal of one list copy's dests (explain.ts keeps one per live list). */
export class CounterJournal {
  /**
   * Dests changed since the last decision recorded, the first `queued` of `queue` (each once:
   * CountedDest.dirty). A count, not the array's length: setting a length is a runtime call.
   */
  queue: CountedDest[] = [];
  queued = 0;
  chunk = new Int32Array(0);
  used = 0;
  /** The list copy the current chunk's snapshot is of; undefined: a snapshot is due. */
  private copy: readonly Dest[] | undefined = undefined;
  private nextSize = FIRST_CHUNK;

  /**
   * Bring the chunk up to the dests' counters now, for a decision on `copy` (the list as it is).
   * False when a dest is not a CountedDest: its changes are not announced, so the caller copies
   * every counter itself.
   */
  record(copy: readonly Dest[]): boolean {
    if (copy !== this.copy) return this.snapshot(copy);
    const n = this.queued;
    if (n === 0) return true;
    const q = this.queue;
    if (this.used + n * ENTRY > this.chunk.length) return this.snapshot(copy);
    const c = this.chunk;
    let k = this.used;
    for (let i = 0; i < n; i++, k += ENTRY) {
      const d = q[i]!;
      d.dirty = false;
      c[k] = d.slot;
      c[k + 1] = packFlags(d);
      c[k + 2] = d.activeconns;
      c[k + 3] = d.inactconns;
    }
    this.used = k;
    this.queued = 0;
    return true;
  }

  /** Another journal took one of this journal's dests: its next decision starts a snapshot. */
  lost(): void {
    this.copy = undefined;
  }

  /** A new chunk, starting with every dest's counters; the dests report their changes here from now on. */
  private snapshot(copy: readonly Dest[]): boolean {
    const old = this.copy;
    if (old !== undefined)
      for (const d of old) if (d instanceof CountedDest && d.journal === this) d.journal = undefined;
    if (this.queued > 0) this.queue = [];
    this.queued = 0;
    this.copy = undefined;
    const m = copy.length;
    for (let i = 0; i < m; i++) if (!(copy[i] instanceof CountedDest)) return false;
    const size = Math.max(m * SNAP * SNAP_SHARE, this.nextSize);
    this.nextSize = Math.min(CHUNK, size * 2);
    const c = (this.chunk = new Int32Array(size));
    for (let i = 0, k = 0; i < m; i++, k += SNAP) {
      const d = copy[i] as unknown as CountedDest;
      const prev = d.journal;
      if (prev !== undefined && prev !== this) prev.lost();
      d.journal = this;
      d.slot = i;
      d.dirty = false;
      c[k] = packFlags(d);
      c[k + 1] = d.activeconns;
      c[k + 2] = d.inactconns;
    }
    this.used = m * SNAP;
    this.copy = copy;
    return true;
  }
}

/**
 * The counters of `m` dests as a decision saw them: the snapshot at `from` in `block`, then the
 * entries from the snapshot's end up to `end`. SNAP words per dest, list order.
 */
export function readCounters(block: Int32Array, from: number, end: number, m: number): Int32Array {
  const out = block.slice(from, from + m * SNAP);
  for (let k = from + m * SNAP; k < end; k += ENTRY) {
    const at = block[k]! * SNAP;
    out[at] = block[k + 1]!;
    out[at + 1] = block[k + 2]!;
    out[at + 2] = block[k + 3]!;
  }
  return out;
}

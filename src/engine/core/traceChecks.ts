/**
 * A trace store's checkpoints: every CHECK_EVERY events, the sizes of its pools before that event
 * wrote (objs words, objects kept by reference, numbers, rows, strings, own slots). Truncation
 * and reading find what they need from the checkpoint and the few events after it, instead of a
 * mark per event (25 per request, 16 bytes each).
 */
import { growTyped as grow } from './growTyped';

/** Events between checkpoints (a power of two). */
export const CHECK_BITS = 6;
export const CHECK_EVERY = 1 << CHECK_BITS;

/** What a checkpoint holds, in this order. */
export const OBJS = 0;
export const OBJECTS = 1;
export const NUMBERS = 2;
export const ROWS = 3;
export const STRINGS = 4;
export const SLOTS = 5;
const WORDS = 6;

/**
 * Checkpoints back (256 events, more than a request's ~150–230) before which a string or object
 * counts as recurring: a client's ip:port met only within its own request never goes into a row.
 */
const AGE = 4;

export class TraceChecks {
  private words = new Uint32Array(WORDS * 8);

  /** Record the checkpoint before event `i` (a multiple of CHECK_EVERY). */
  record(
    i: number,
    objs: number,
    objects: number,
    numbers: number,
    rows: number,
    strings: number,
    slots: number,
  ): void {
    const at = (i >>> CHECK_BITS) * WORDS;
    if (at + WORDS > this.words.length) this.words = grow(this.words, at + WORDS);
    const w = this.words;
    w[at + OBJS] = objs;
    w[at + OBJECTS] = objects;
    w[at + NUMBERS] = numbers;
    w[at + ROWS] = rows;
    w[at + STRINGS] = strings;
    w[at + SLOTS] = slots;
  }

  /** Field `what` of the checkpoint before event `i` (the last one at or before it). */
  before(i: number, what: number): number {
    return this.words[(i >>> CHECK_BITS) * WORDS + what]!;
  }

  /**
   * Field `what` (OBJS or STRINGS) as it was AGE checkpoints before event `i` (0 before the first):
   * what existed then is "met before" (TraceValues.shared).
   */
  aged(i: number, what: number): number {
    const c = (i >>> CHECK_BITS) - AGE;
    return c < 0 ? 0 : this.words[c * WORDS + what]!;
  }

  /** Give back the room past the checkpoints of `events` events. */
  seal(events: number): void {
    const n = WORDS * Math.ceil(events / CHECK_EVERY);
    if (this.words.length !== n) this.words = this.words.slice(0, n);
  }

  /** Bytes the checkpoints of `events` events take. */
  static bytes(events: number): number {
    return Math.ceil(events / CHECK_EVERY) * WORDS * 4;
  }
}

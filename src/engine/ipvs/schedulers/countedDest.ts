import type { CounterJournal } from './counterJournal';

/**
 * Counts every change of any CountedDest's weight or OVERLOAD flag, and of any announced dest list
 * (explain.ts destListChanged): a memo of what follows from them (twos's running sums,
 * twosWeights.ts) is still good while the count is the same.
 */
export const destEpoch = { weights: 0 };

/**
 * The counters a scheduler compares (weight, active, inactive, OVERLOAD, available), kept behind
 * accessors so that every change, whoever makes it, tells the journal of the dest list the dest
 * is in (counterJournal.ts): a decision then records the few counters that changed since the one
 * before, not all of them. The engine's real servers (ipvs/destEntry.ts) are these; a plain Dest
 * object works too, its decisions copy every dest's counters.
 */
export class CountedDest {
  private w = 0;
  private act = 0;
  private inact = 0;
  private over = false;
  private avail = true;
  /** The journal that recorded this dest's counters last, and its place in that journal's list. */
  journal: CounterJournal | undefined = undefined;
  slot = 0;
  /** Changed since the journal last wrote it down (then it is in the journal's queue). */
  dirty = false;

  get weight(): number {
    return this.w;
  }

  set weight(v: number) {
    if (v === this.w) return;
    this.w = v;
    destEpoch.weights++;
    this.changed();
  }

  get activeconns(): number {
    return this.act;
  }

  set activeconns(v: number) {
    if (v === this.act) return;
    this.act = v;
    this.changed();
  }

  get inactconns(): number {
    return this.inact;
  }

  set inactconns(v: number) {
    if (v === this.inact) return;
    this.inact = v;
    this.changed();
  }

  get overloaded(): boolean {
    return this.over;
  }

  set overloaded(v: boolean) {
    if (v === this.over) return;
    this.over = v;
    destEpoch.weights++;
    this.changed();
  }

  get available(): boolean {
    return this.avail;
  }

  set available(v: boolean) {
    if (v === this.avail) return;
    this.avail = v;
    this.changed();
  }

  private changed(): void {
    const j = this.journal;
    if (j !== undefined && !this.dirty) {
      this.dirty = true;
      j.queue[j.queued++] = this;
    }
  }
}

/**
 * Which tally (TraceSummary.decisions index) decisions of a known identity went to
 * (DecisionFacts.factsSite and factsWinner: the same two objects, the same four facts). Finding
 * the tally by its strings compared the dest keys of the other real servers character by character
 * (V8's StringEqual: same length, ~4% of a bounded trace's decisions); here only pointers are
 * compared. A memo of where counts go, not state: a miss only falls back to the string scan.
 */

/** Pairs remembered: a summary holds a few tallies per service; more only cost the string scan. */
const MAX = 64;

export class TallyMemo {
  private readonly sites: object[] = [];
  private readonly winners: (object | null)[] = [];
  private readonly tallies: number[] = [];
  /** The pair found last: a scan starts there (a run of decisions on one service and dest). */
  private last = 0;

  /** The tally of decisions of `site` won by `winner`, or -1 if not remembered. */
  find(site: object, winner: object | null): number {
    const sites = this.sites;
    const winners = this.winners;
    const n = sites.length;
    for (let k = 0, i = this.last; k < n; k++, i = i + 1 === n ? 0 : i + 1) {
      if (winners[i] === winner && sites[i] === site) {
        this.last = i;
        return this.tallies[i]!;
      }
    }
    return -1;
  }

  /** Decisions of `site` won by `winner` go to tally `index` (the first MAX pairs are kept). */
  add(site: object, winner: object | null, index: number): void {
    if (this.sites.length >= MAX) return;
    this.sites.push(site);
    this.winners.push(winner);
    this.tallies.push(index);
  }
}

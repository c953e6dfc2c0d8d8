/**
 * Where a chunk's sticky events are (configuration: what the host-state folds read), listed the
 * first time a fold asks and extended as the chunk grows. A fold over a long `ab` visits the few
 * hundred of them instead of asking each of ~250,000 events its kind (~10 ms after each let-go).
 * Nothing is done when an event is stored: the runner never pays for it.
 */
export class StickyPositions {
  private scanned = 0;
  private readonly at: number[] = [];

  /** Positions in the chunk (ascending) of its sticky events among its first `length`. */
  upTo(
    length: number,
    kindAt: (j: number) => string | undefined,
    sticky: ReadonlySet<string>,
  ): readonly number[] {
    if (length < this.scanned) {
      // The chunk was cut back (a fork): forget what lay past the cut.
      while (this.at.length > 0 && this.at[this.at.length - 1]! >= length) this.at.pop();
      this.scanned = length;
    }
    for (let j = this.scanned; j < length; j++) if (sticky.has(kindAt(j)!)) this.at.push(j);
    this.scanned = length;
    return this.at;
  }
}

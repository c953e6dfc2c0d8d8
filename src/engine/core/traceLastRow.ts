/**
 * The row the last event of a kind with one varying row slot was stored with (a scheduler's
 * decision, TraceStore.pushIdRecord: its packet as an id mark or VAR, then its record, VAR): the
 * next such event with the same first slot has the same row, found without hashing it again
 * (TraceRows.intern). Forgotten when the rows are truncated.
 */
export class LastRow {
  private shape = -1;
  private first = 0;
  private row = -1;

  /** The row last remembered if it is of `shape` with first slot `first`, else -1. */
  find(shape: number, first: number): number {
    return shape === this.shape && first === this.first ? this.row : -1;
  }

  remember(shape: number, first: number, row: number): void {
    this.shape = shape;
    this.first = first;
    this.row = row;
  }

  forget(): void {
    this.shape = -1;
  }
}

/** Deterministic ids: one counter per kind (`pkt#1`, `conn#7`). Never UUIDs. */
export class IdSource {
  private counters = new Map<string, number>();

  next(kind: string): string {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return `${kind}#${n}`;
  }

  nextNumber(kind: string): number {
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    return n;
  }
}

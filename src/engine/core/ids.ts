/** One kind's counter, with its `kind#` prefix made once (not joined again for every id). */
interface IdCounter {
  readonly prefix: string;
  n: number;
}

/** Deterministic ids: one counter per kind (`pkt#1`, `conn#7`). Never UUIDs. */
export class IdSource {
  private counters = new Map<string, IdCounter>();

  next(kind: string): string {
    const c = this.counter(kind);
    return c.prefix + ++c.n;
  }

  nextNumber(kind: string): number {
    return ++this.counter(kind).n;
  }

  private counter(kind: string): IdCounter {
    let c = this.counters.get(kind);
    if (c === undefined) this.counters.set(kind, (c = { prefix: `${kind}#`, n: 0 }));
    return c;
  }
}

/** One kind's counter, with its `kind#` prefix made once (not joined again for every id). */
interface IdCounter {
  readonly kind: string;
  readonly prefix: string;
  n: number;
}

/** Deterministic ids: one counter per kind (`pkt#1`, `conn#7`). Never UUIDs. */
export class IdSource {
  /**
   * The kinds met so far, in order: a handful (pkt, frm, sock, conn…), and their names are literals,
   * so a scan comparing them by identity first beats a Map's hashing on every frame and packet.
   */
  private readonly counters: IdCounter[] = [];

  next(kind: string): string {
    const c = this.counter(kind);
    return c.prefix + ++c.n;
  }

  nextNumber(kind: string): number {
    return ++this.counter(kind).n;
  }

  private counter(kind: string): IdCounter {
    const all = this.counters;
    for (let i = 0; i < all.length; i++) if (all[i]!.kind === kind) return all[i]!;
    const c: IdCounter = { kind, prefix: `${kind}#`, n: 0 };
    all.push(c);
    return c;
  }
}

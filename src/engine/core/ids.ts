/** One kind's counter, with its `kind#` prefix made once (not joined again for every id). */
interface IdCounter {
  readonly kind: string;
  readonly prefix: string;
  n: number;
  /** The thousand the last id fell in, and `kind#` followed by it (see `next`). */
  thousand: number;
  thousandPrefix: string;
}

/**
 * '000'…'999': the last three digits of an id. `'pkt#' + n` turned n into a string of its own
 * (one allocation and a write to V8's number-string cache) before joining it, for every packet
 * and frame; joining a prefix made once per thousand to one of these is a single allocation.
 */
const LAST3: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** Deterministic ids: one counter per kind (`pkt#1`, `conn#7`). Never UUIDs. */
export class IdSource {
  /**
   * The kinds met so far, in order: a handful (pkt, frm, sock, conn…), and their names are literals,
   * so a scan comparing them by identity first beats a Map's hashing on every frame and packet.
   */
  private readonly counters: IdCounter[] = [];

  next(kind: string): string {
    const c = this.counter(kind);
    const n = ++c.n;
    if (n < 1000) return c.prefix + n;
    const thousand = Math.floor(n / 1000);
    // `nextNumber` draws on the same counter, so the thousand is checked, not assumed to follow.
    if (thousand !== c.thousand) {
      c.thousand = thousand;
      c.thousandPrefix = c.prefix + thousand;
    }
    return c.thousandPrefix + LAST3[n - thousand * 1000]!;
  }

  nextNumber(kind: string): number {
    return ++this.counter(kind).n;
  }

  private counter(kind: string): IdCounter {
    const all = this.counters;
    for (let i = 0; i < all.length; i++) if (all[i]!.kind === kind) return all[i]!;
    const c: IdCounter = { kind, prefix: `${kind}#`, n: 0, thousand: 0, thousandPrefix: '' };
    all.push(c);
    return c;
  }
}

/**
 * The trace's storage for long sessions: events in chunks of CHUNK (each a TraceStore), so detail
 * older than a bound can be let go a chunk at a time. A chunk let go leaves a summary (events per
 * kind, scheduler decisions per real server) and keeps its configuration events (addresses,
 * routes, IPVS rules, sysctls, hooks, neighbours, commands), which the state folds need to stay
 * right; every other event before `first` reads as undefined, never as wrong detail.
 */
import { StickyPositions } from './stickyPositions';
import type { EngineEvent } from './traceEvents';
import type { FixedKind } from './traceFixed';
import { KindTally, Positions } from './kindTally';
import { LazyStore, type RawLists } from './traceLazy';
import { StickyEvents } from './traceSticky';
import { TallyMemo } from './tallyMemo';
import {
  countRunInSummary,
  type DecisionFacts,
  emptySummary,
  tallyDecision,
  type TraceSummary,
} from './traceSummary';

/** Events per chunk (a power of two: the chunk of seq `i` is `i >>> CHUNK_BITS`). */
export const CHUNK_BITS = 14;
export const CHUNK = 1 << CHUNK_BITS;

/** Kinds kept when their chunk is summarised: what the state-at-cursor folds and the command list read. */
export const STICKY_KINDS: ReadonlySet<string> = new Set<string>([
  'cmd.start',
  'cmd.end',
  'addr.add',
  'addr.del',
  'link.set',
  'netdev.register',
  'netdev.unregister',
  'route.add',
  'route.del',
  'net.link',
  'net.addr',
  'net.route',
  'sysctl.set',
  'hook.register',
  'ipvs.control',
  'ipvs.module',
  'neigh',
  'neigh.del',
]);

/** Kinds a summary needs as events: configuration kept, decisions tallied. */
function isSpecial(kind: string): boolean {
  return STICKY_KINDS.has(kind) || kind === 'ipvs.schedule';
}

export class TraceChunks {
  /** null where a chunk was summarised. */
  private readonly chunks: (LazyStore<EngineEvent> | null)[] = [new LazyStore()];
  /** New events are kept raw until read (a bounded trace: most chunks are let go unread; traceLazy.ts). */
  private lazy = false;
  /** The raw lists of the chunk let go last, for the next chunk (traceLazy.ts). */
  private spare: RawLists | undefined = undefined;
  /** Per chunk, the offset in it of its store's first event (not 0 only after a cut into summarised time). */
  private readonly bases: number[] = [0];
  private count = 0;
  /** Chunks before this index were summarised. */
  private dropped = 0;
  private firstKept = 0;
  /** The configuration events of summarised chunks (traceSticky.ts). */
  private readonly sticky = new StickyEvents();
  private readonly summary: TraceSummary = emptySummary();
  /** The summary's tallies by decision identity (tallyMemo.ts). */
  private readonly tallies = new TallyMemo();
  /** Counts raw events by kind when a chunk is summarised (made with the first summary). */
  private tally: KindTally | undefined = undefined;
  /** Positions of a raw part's decisions and sticky events (reused by every summary). */
  private readonly special = new Positions();
  /** Per kept chunk, where its sticky events are (made when a fold first asks). */
  private readonly positions: (StickyPositions | undefined)[] = [];

  get length(): number {
    return this.count;
  }

  /** The first event kept in full detail (earlier ones are summarised, configuration kept). */
  get first(): number {
    return this.firstKept;
  }

  /** What was let go, or undefined if nothing was. */
  summarised(): TraceSummary | undefined {
    return this.dropped === 0 ? undefined : this.summary;
  }

  push(t: number, ev: EngineEvent): void {
    (this.chunks[this.count >>> CHUNK_BITS] ?? this.nextChunk()).push(t, ev);
    this.count++;
  }

  /** `push` for an event of a fixed kind given as its values in key order (traceFixed.ts). */
  pushFixed(
    t: number,
    f: FixedKind,
    a: unknown,
    b?: unknown,
    c?: unknown,
    d?: unknown,
    e?: unknown,
    g?: unknown,
    h?: unknown,
    k?: unknown,
    l?: unknown,
  ): void {
    (this.chunks[this.count >>> CHUNK_BITS] ?? this.nextChunk()).pushFixed(t, f, a, b, c, d, e, g, h, k, l);
    this.count++;
  }

  /** `pushFixed` for a packed kind of an id and a record (TraceStore.pushIdRecord). */
  pushIdRecord(t: number, f: FixedKind, id: string, rec: object): void {
    (this.chunks[this.count >>> CHUNK_BITS] ?? this.nextChunk()).pushIdRecord(t, f, id, rec);
    this.count++;
  }

  /**
   * Keep new events raw until something reads them (on: a bounded trace) or encode them as they
   * come (off: every chunk is kept, and kept compact; what was raw is encoded now).
   */
  setLazy(on: boolean): void {
    if (on === this.lazy) return;
    this.lazy = on;
    for (const c of this.chunks) {
      if (!c) continue;
      c.lazy = on;
      if (!on) c.encode();
    }
  }

  /** The chunk the next event goes to, made (the one before it sealed, its size a hint). */
  private nextChunk(): LazyStore<EngineEvent> {
    const k = this.count >>> CHUNK_BITS;
    const prev = this.chunks[k - 1];
    prev?.seal();
    // A chunk read as it filled (the browser's session publishes every batch) is encoded when
    // sealed: its raw lists would sit empty beside the columns (the worker's heap +8 MB).
    if (this.lazy && prev && prev.rawLength === 0) this.spare = prev.release() ?? this.spare;
    const c = new LazyStore<EngineEvent>(
      prev?.sizeHint(CHUNK),
      this.lazy,
      this.lazy ? this.spare : undefined,
    );
    if (this.lazy) this.spare = undefined;
    this.chunks[k] = c;
    this.bases[k] = 0;
    return c;
  }

  /** Room for raw events each chunk holds, 0 where let go (tests). */
  rawRoom(): number[] {
    return this.chunks.map((c) => c?.rawCapacity ?? 0);
  }

  at(i: number): (EngineEvent & { t: number; seq: number }) | undefined {
    if (i < 0) i += this.count;
    if (!(i >= 0 && i < this.count)) return undefined;
    const c = this.chunks[i >>> CHUNK_BITS];
    if (c && i >= this.firstKept) return withSeq(c.at(this.local(i)), i);
    return withSeq(this.sticky.at(i), i);
  }

  kindAt(i: number): string | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    const c = this.chunks[i >>> CHUNK_BITS];
    if (c && i >= this.firstKept) return c.kindAt(this.local(i));
    return this.sticky.kindAt(i);
  }

  /**
   * Call `each(i)` for every sticky event among events `[from, to)`, in order, skipping the rest
   * without reading them: the summarised span keeps only those, and each kept chunk lists its own.
   */
  eachSticky(from: number, to: number, each: (i: number) => void): void {
    const end = Math.min(to, this.count);
    let i = Math.max(0, from);
    if (i < this.firstKept) {
      this.sticky.each(i, Math.min(end, this.firstKept), each);
      i = this.firstKept;
    }
    for (let k = i >>> CHUNK_BITS; k < this.chunks.length && k << CHUNK_BITS < end; k++) {
      const c = this.chunks[k];
      if (!c) continue;
      const list = (this.positions[k] ??= new StickyPositions()).upTo(
        c.length,
        (j) => c.kindAt(j),
        STICKY_KINDS,
      );
      const base = (k << CHUNK_BITS) + this.bases[k]!;
      for (const j of list) {
        const q = base + j;
        if (q >= end) return;
        if (q >= i) each(q);
      }
    }
  }

  timeAt(i: number): number | undefined {
    if (!(i >= 0 && i < this.count)) return undefined;
    const c = this.chunks[i >>> CHUNK_BITS];
    if (c && i >= this.firstKept) return c.timeAt(this.local(i));
    return this.sticky.timeAt(i);
  }

  /**
   * Summarise whole chunks that end at or before `before` while more than `keep` events would
   * remain after them. Nothing may be derived from the detail let go: state is the hosts' own
   * (a device's counters are Netdev.stats), and views read what the summary keeps.
   */
  summariseBefore(before: number, keep: number): void {
    while (this.dropped < this.chunks.length - 1) {
      const end = (this.dropped + 1) * CHUNK;
      if (end > before || this.count - end < keep) return;
      const from = this.dropped * CHUNK + this.bases[this.dropped]!;
      const c = this.chunks[this.dropped]!;
      const enc = c.encodedLength;
      for (let j = 0; j < enc; j++) this.summariseOne(c, j, from + j);
      if (c.length > enc) this.summariseRaw(c, enc, from);
      this.positions[this.dropped] = undefined;
      this.spare = c.release() ?? this.spare;
      this.chunks[this.dropped++] = null;
      this.firstKept = end;
    }
  }

  /**
   * Event `j` of chunk `c` (seq `seq`) into the summary. Only sticky events and decisions not
   * raw are built: the rest is a kind and a time to count (the page's mirror lets go of 65,000
   * events at a time; building each took ~45 ms), and a raw decision is tallied from its record
   * (traceSummary.ts DecisionFacts).
   */
  private summariseOne(c: LazyStore<EngineEvent>, j: number, seq: number): void {
    const s = this.summary;
    const kind = c.kindAt(j)!;
    const t = c.timeAt(j)!;
    countRunInSummary(s, kind, 1, seq, t, t);
    if (STICKY_KINDS.has(kind)) return this.sticky.keep(c.detail(j)!, seq);
    if (kind !== 'ipvs.schedule') return;
    const f = c.factsAt(j);
    if (f !== undefined) return this.tallyFacts(f);
    const ev = c.detail(j)!;
    if (ev.kind === 'ipvs.schedule') tallyDecision(s, ev.host, ev.service, ev.scheduler, ev.dest);
  }

  /**
   * Chunk `c`'s raw events (from `enc` on; the chunk's first is seq `from`) into the summary,
   * as `summariseOne` would put them one by one: counted by kind in bulk (kindTally.ts), the
   * decisions tallied and sticky events kept in order.
   */
  private summariseRaw(c: LazyStore<EngineEvent>, enc: number, from: number): void {
    const s = this.summary;
    const special = this.special;
    const counted = (this.tally ??= new KindTally(isSpecial, s)).count(c.rawKinds(), special);
    // The part's first event, counted or special, opens an empty summary.
    if (s.events === 0) {
      s.fromSeq = from + enc;
      s.fromUs = c.timeAt(enc)!;
    }
    s.events += counted;
    const decisions = this.summariseSpecial(c, enc, from);
    // Its key exists: made where the kind first appeared (kindTally.ts, or countRunInSummary).
    if (decisions > 0) s.byKind['ipvs.schedule']! += decisions;
    s.toSeq = from + c.length;
    s.toUs = c.timeAt(c.length - 1)!;
  }

  /**
   * The raw part's special events (positions in `special`) into the summary, in order; returns how
   * many decisions were tallied from their records, counted in `events` but not in `byKind` (the
   * caller adds them at once). Its own method: V8 compiles its loop on stack (OSR) on the first
   * chunk, and code after the loop in the same function then had no type feedback and deopted
   * once per chunk (--trace-deopt: summariseRaw, ~100 times in 4 s of decisions).
   */
  private summariseSpecial(c: LazyStore<EngineEvent>, enc: number, from: number): number {
    const s = this.summary;
    const special = this.special;
    let decisions = 0;
    for (let i = 0; i < special.n; i++) {
      const r = special.at[i]!;
      const j = enc + r;
      const f = c.factsAt(j);
      if (f !== undefined) {
        s.events++;
        decisions++;
        this.tallyFacts(f);
        continue;
      }
      const kind = c.kindAt(j)!;
      if (!STICKY_KINDS.has(kind)) this.summariseOne(c, j, from + j);
      else {
        // Counted, and replayed into the kept store as pushed (no event object built for it).
        const t = c.timeAt(j)!;
        countRunInSummary(s, kind, 1, from + j, t, t);
        c.replay(r, this.sticky.storeFor(from + j));
      }
    }
    return decisions;
  }

  /** Count a decision from its record: by its identity when it has one (tallyMemo.ts). */
  private tallyFacts(f: DecisionFacts): void {
    const s = this.summary;
    const site = f.factsSite;
    if (site === undefined) {
      tallyDecision(s, f.host, f.service, f.scheduler, f.winner);
      return;
    }
    const winner = f.factsWinner;
    const at = this.tallies.find(site, winner);
    if (at >= 0) s.decisions[at]!.count++;
    else this.tallies.add(site, winner, tallyDecision(s, f.host, f.service, f.scheduler, f.winner));
  }

  /**
   * Forget every event from `length` on. A cut into summarised time keeps the summary as it was
   * (it then covers less than `first`: the events between are neither detailed nor counted).
   */
  truncate(length: number): void {
    if (length >= this.count) return;
    const keep = Math.max(0, length);
    const k = keep >>> CHUNK_BITS;
    this.chunks.length = k + 1;
    this.bases.length = k + 1;
    if (this.positions.length > k + 1) this.positions.length = k + 1;
    const c = this.chunks[k];
    if (c && keep >= this.firstKept) c.truncate(this.local(keep));
    else {
      this.chunks[k] = new LazyStore(undefined, this.lazy);
      this.positions[k] = undefined;
      this.bases[k] = keep & (CHUNK - 1);
      this.dropped = k;
      this.firstKept = keep;
    }
    this.sticky.truncate(keep);
    this.count = keep;
  }

  /** Approximate bytes of the columns of the kept chunks and the sticky events. */
  columnBytes(): number {
    let n = this.sticky.columnBytes();
    for (const c of this.chunks) if (c) n += c.columnBytes();
    return n;
  }

  private local(i: number): number {
    return (i & (CHUNK - 1)) - this.bases[i >>> CHUNK_BITS]!;
  }
}

function withSeq<E extends { seq: number }>(ev: E | undefined, seq: number): E | undefined {
  if (ev) ev.seq = seq;
  return ev;
}

/**
 * The lazy chunk (traceLazy.ts): raw pushes, encoded when read, give the columns and events an
 * eager store gives, through reads in the middle of the raw part, truncation, sealing and being
 * let go (summarised) unread; a bounded lazy trace reads as an unbounded eager one.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { CHUNK, TraceChunks } from './traceChunks';
import type { EngineEvent } from './traceEvents';
import { fixedKind, packedKind } from './traceFixed';
import { LazyStore } from './traceLazy';
import { TraceStore } from './traceStore';

interface Passage {
  kind: 'pass';
  host: string;
  hook: string;
  pkt: string;
  fns: readonly string[];
  verdict: string;
}
const PASS = fixedKind<Passage>()('pass', ['host', 'hook', 'pkt', 'fns', 'verdict'], true);
const FNS = Object.freeze(['ip_vs_in', 'ip_vs_out']);
class Rec {
  constructor(
    readonly host: string,
    readonly dest: string,
  ) {}
}
const DECIDE = packedKind<[string, Rec]>(
  'ipvs.schedule',
  ['pkt', 'rec'],
  (st) => {
    const r = st.rec as Rec;
    return {
      kind: 'ipvs.schedule',
      host: r.host,
      pkt: st.pkt,
      service: 'TCP v:80',
      scheduler: 'rr',
      dest: r.dest,
    };
  },
  ['rec'],
);

type Store = TraceStore<EngineEvent> | LazyStore<EngineEvent> | TraceChunks;

/** Event `i` of a run (pushed by one of the three calls), deterministic in `i` and `seed`. */
function pushAt(s: Store, i: number, seed: number): void {
  const r = (i * 7919 + seed) % 23;
  const t = i * 3;
  if (r < 10)
    s.pushFixed(t, PASS, 'client', r & 1 ? 'LOCAL_OUT' : 'POST_ROUTING', `pkt#${i >> 2}`, FNS, 'ACCEPT');
  else if (r < 13) s.pushIdRecord(t, DECIDE, `pkt#${i >> 2}`, new Rec('director', r & 1 ? 'rs1' : 'rs2'));
  else if (r < 15)
    s.push(t, {
      kind: 'sysctl.set',
      host: 'director',
      name: 'net.ipv4.vs.conntrack',
      old: 0,
      new: i,
    } as never);
  else if (r < 20)
    s.push(t, {
      kind: 'frame.tx',
      host: 'client',
      frame: { id: `frm#${i}`, eth: { src: 'aa', dst: 'bb' }, len: 60 + (i % 5) },
      pkt: `pkt#${i >> 2}`,
    } as never);
  else s.push(t, { kind: 'route', host: 'client', pkt: `pkt#${i}`, big: i * 100003 } as never);
}

/**
 * `a` (lazy) reads as `b` (eager) and holds as many bytes; after a cut (`cut`) about as many: an
 * eager store keeps the strings its cut events interned (a raw event cut was never encoded), and
 * its caches remember them, so the events after differ by some bytes either way (up to ~10% on
 * a store of a few hundred bytes: FUZZ_SEED=86180732).
 */
function expectSame(a: Store, b: Store, from = 0, cut = false): void {
  expect(a.length).toBe(b.length);
  for (let i = from; i < a.length; i++) {
    expect(a.kindAt(i)).toBe(b.kindAt(i));
    expect(a.timeAt(i)).toBe(b.timeAt(i));
  }
  for (let i = from; i < a.length; i++) expect(a.at(i)).toEqual(b.at(i));
  if (cut) expect(Math.abs(a.columnBytes() - b.columnBytes())).toBeLessThanOrEqual(b.columnBytes() / 10 + 64);
  else expect(a.columnBytes()).toBe(b.columnBytes());
}

describe('LazyStore', () => {
  test('a read in the middle of the raw part encodes it; pushes after it go raw again', () => {
    const lazy = new LazyStore<EngineEvent>(undefined, true);
    const eager = new TraceStore<EngineEvent>();
    for (let i = 0; i < 150; i++) [lazy, eager].forEach((s) => pushAt(s, i, 1));
    expect(lazy.rawLength).toBe(150);
    // Kinds and times come from the raw part, unencoded.
    expect(lazy.kindAt(77)).toBe(eager.kindAt(77));
    expect(lazy.timeAt(149)).toBe(149 * 3);
    expect(lazy.kindAt(150)).toBeUndefined();
    expect(lazy.rawLength).toBe(150);
    expect(lazy.at(70)).toEqual(eager.at(70));
    expect(lazy.rawLength).toBe(0);
    for (let i = 150; i < 300; i++) [lazy, eager].forEach((s) => pushAt(s, i, 1));
    expect(lazy.rawLength).toBe(150);
    expect(lazy.kindAt(10)).toBe(eager.kindAt(10));
    expectSame(lazy, eager);
  });

  test('truncating into the raw part or into the encoded part, then pushing on', () => {
    for (const cut of [0, 40, 100, 130, 199, 250]) {
      const lazy = new LazyStore<EngineEvent>(undefined, true);
      const eager = new TraceStore<EngineEvent>();
      for (let i = 0; i < 100; i++) [lazy, eager].forEach((s) => pushAt(s, i, 2));
      lazy.at(0); // the first 100 encoded
      for (let i = 100; i < 200; i++) [lazy, eager].forEach((s) => pushAt(s, i, 2));
      [lazy, eager].forEach((s) => s.truncate(cut));
      expect(lazy.length).toBe(Math.min(cut, 200));
      for (let i = lazy.length; i < 260; i++) [lazy, eager].forEach((s) => pushAt(s, i, 3));
      expectSame(lazy, eager, 0, cut < 200);
    }
  });

  test('sealed while not lazy it encodes; sealed while lazy it stays raw until read', () => {
    const eager = new TraceStore<EngineEvent>();
    const a = new LazyStore<EngineEvent>(undefined, true);
    const b = new LazyStore<EngineEvent>(undefined, true);
    for (let i = 0; i < 500; i++) [eager, a, b].forEach((s) => pushAt(s, i, 4));
    a.seal();
    expect(a.rawLength).toBe(500);
    b.lazy = false;
    b.seal();
    expect(b.rawLength).toBe(0);
    eager.seal();
    expectSame(b, eager);
    // Read, the raw chunk is encoded and then sealed: its columns as the sealed eager store's.
    expectSame(a, eager);
    expect(a.rawLength).toBe(0);
    // A lazy chunk read before it was sealed is sealed at once.
    const c = new LazyStore<EngineEvent>(undefined, true);
    for (let i = 0; i < 500; i++) pushAt(c, i, 4);
    c.at(3);
    c.seal();
    expectSame(c, eager);
  });

  test('a summary reads raw events as the encoded ones read', () => {
    const lazy = new LazyStore<EngineEvent>(undefined, true);
    const eager = new TraceStore<EngineEvent>();
    for (let i = 0; i < 400; i++) [lazy, eager].forEach((s) => pushAt(s, i, 5));
    for (let i = 0; i < 400; i++) {
      const { seq: _seq, ...want } = eager.at(i)!;
      expect(lazy.detail(i)).toEqual(want);
    }
    expect(lazy.rawLength).toBe(400);
  });

  test("a chunk let go hands its raw lists on: the next chunk's events are its own, and what it did not overwrite of the chunk before is cleared when it is let go", () => {
    const first = new LazyStore<EngineEvent>(undefined, true);
    for (let i = 0; i < 300; i++) pushAt(first, i, 9);
    const lists = first.release()!;
    expect(first.rawLength).toBe(0);
    expect(first.release()).toBeUndefined();
    // Handed on as they were (not cleared: the next chunk overwrites them), their extent marked.
    expect(lists.held).toBe(300);
    const firstVals = lists.heldVals;
    expect(firstVals).toBeGreaterThan(300);
    const next = new LazyStore<EngineEvent>(undefined, true, lists);
    const eager = new TraceStore<EngineEvent>();
    for (let i = 0; i < 100; i++) [next, eager].forEach((s) => pushAt(s, i, 10));
    expect(next.kindAt(99)).toBe(eager.kindAt(99));
    expect(next.kindAt(100)).toBeUndefined();
    for (let i = 0; i < 100; i++) {
      const { seq: _seq, ...want } = eager.at(i)!;
      expect(next.detail(i)).toEqual(want);
    }
    const again = next.release()!;
    // The first chunk's references past the second's are gone; the second's are handed on.
    expect(again.held).toBe(100);
    expect(again.heads.slice(0, 100).every((x) => x !== undefined)).toBe(true);
    expect(again.heads.slice(100, 300).every((x) => x === undefined)).toBe(true);
    expect(again.vals.slice(again.heldVals, firstVals).every((x) => x === undefined)).toBe(true);
    // A chunk that encodes its raw part (read, or laziness turned off) lets go of all it was handed.
    const third = new LazyStore<EngineEvent>(undefined, true, again);
    for (let i = 0; i < 50; i++) pushAt(third, i, 11);
    third.at(0);
    expect(again.heads.every((x) => x === undefined)).toBe(true);
    expect(again.vals.every((x) => x === undefined)).toBe(true);
  });

  test('property: any run of pushes, reads and cuts reads as an eager store, event by event and in bytes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom('read', 'cut', 'seal', 'none')), {
          maxLength: 8,
        }),
        fc.integer({ min: 0, max: 1000 }),
        (steps, seed) => {
          const lazy = new LazyStore<EngineEvent>(undefined, true);
          const eager = new TraceStore<EngineEvent>();
          let n = 0;
          let cut = false;
          for (const [k, op] of steps) {
            for (let j = 0; j < k; j++, n++) [lazy, eager].forEach((s) => pushAt(s, n, seed));
            if (op === 'read') expect(lazy.at(n >> 1)).toEqual(eager.at(n >> 1));
            if (op === 'cut') {
              n = Math.floor((n * 2) / 3);
              cut = true;
              [lazy, eager].forEach((s) => s.truncate(n));
            }
            // Sealed as an unbounded trace seals (encoded first): a lazy seal keeps the chunk raw.
            if (op === 'seal') {
              lazy.lazy = false;
              [lazy, eager].forEach((s) => s.seal());
              lazy.lazy = true;
            }
          }
          expectSame(lazy, eager, 0, cut);
        },
      ),
      { numRuns: 25, seed: fuzzSeed() },
    );
  });
});

describe('TraceChunks, lazy', () => {
  test('bounded and lazy: summary, sticky events and kept detail as eager, let-go chunks never encoded', () => {
    const n = 3 * CHUNK + 700;
    const lazy = new TraceChunks();
    const eager = new TraceChunks();
    lazy.setLazy(true);
    for (let i = 0; i < n; i++) {
      [lazy, eager].forEach((s) => pushAt(s, i, 6));
      if ((i + 1) % CHUNK === 0) [lazy, eager].forEach((s) => s.summariseBefore(Infinity, CHUNK));
    }
    [lazy, eager].forEach((s) => s.summariseBefore(Infinity, CHUNK));
    expect(lazy.first).toBe(2 * CHUNK);
    expect(lazy.summarised()).toEqual(eager.summarised());
    expect(lazy.summarised()!.decisions.length).toBe(2);
    const sticky = (s: TraceChunks) => {
      const seqs: number[] = [];
      s.eachSticky(0, n, (i) => seqs.push(i));
      return seqs;
    };
    expect(sticky(lazy)).toEqual(sticky(eager));
    for (const i of sticky(eager).filter((i) => i < lazy.first)) expect(lazy.at(i)).toEqual(eager.at(i));
    expectSame(lazy, eager, lazy.first);
  });

  test('a full chunk, once encoded, holds no raw lists: read as it fills, or read after', () => {
    const n = 3 * CHUNK + 5;
    // Read as it fills, as the browser's session publishes batches of 1,024: lists handed on at each seal.
    const read = new TraceChunks();
    const eager = new TraceChunks();
    read.setLazy(true);
    for (let i = 0, published = 0; i < n; i++) {
      [read, eager].forEach((s) => pushAt(s, i, 11));
      if (i % 1024 === 1023) for (; published <= i; published++) read.at(published);
    }
    expect(read.rawRoom().slice(0, 3)).toEqual([0, 0, 0]);
    expect(read.rawRoom()[3]).toBeGreaterThan(0);
    expectSame(read, eager);
    // Sealed raw, read later: each chunk lets its lists go as it is encoded.
    const late = new TraceChunks();
    late.setLazy(true);
    for (let i = 0; i < n; i++) pushAt(late, i, 11);
    expect(
      late
        .rawRoom()
        .slice(0, 3)
        .every((r) => r > 0),
    ).toBe(true);
    expectSame(late, eager);
    expect(late.rawRoom().slice(0, 3)).toEqual([0, 0, 0]);
  });

  test('turning laziness off encodes what is raw; a cut into a lazy chunk, then more', () => {
    const lazy = new TraceChunks();
    const eager = new TraceChunks();
    lazy.setLazy(true);
    for (let i = 0; i < CHUNK + 300; i++) [lazy, eager].forEach((s) => pushAt(s, i, 7));
    [lazy, eager].forEach((s) => s.truncate(CHUNK + 100));
    for (let i = CHUNK + 100; i < CHUNK + 400; i++) [lazy, eager].forEach((s) => pushAt(s, i, 8));
    lazy.setLazy(false);
    for (let i = CHUNK + 400; i < CHUNK + 500; i++) [lazy, eager].forEach((s) => pushAt(s, i, 8));
    expectSame(lazy, eager, 0, true);
  });

  test('a kind whose record holds its facts is tallied from the record, never expanded, as eager tallies it', () => {
    class Facts {
      constructor(
        readonly host: string,
        readonly service: string,
        readonly scheduler: string,
        readonly winner: string | null,
      ) {}
    }
    let expanded = 0;
    const FACTS = packedKind<[string, Facts]>(
      'ipvs.schedule',
      ['pkt', 'rec'],
      (st) => {
        expanded++;
        const r = st.rec as Facts;
        const { host, service, scheduler } = r;
        return { kind: 'ipvs.schedule', host, pkt: st.pkt, service, scheduler, dest: r.winner };
      },
      ['rec'],
      true,
    );
    const picks = ['rs1', 'rs2', null, 'rs3'];
    const n = 3 * CHUNK + 300;
    const lazy = new TraceChunks();
    const eager = new TraceChunks();
    lazy.setLazy(true);
    for (let i = 0; i < n; i++) {
      const svc = i % 5 === 0 ? 'TCP w:80' : 'TCP v:80';
      // Not pushAt: its decisions are of another packed kind of the same name (one per store).
      if (i % 3 === 0)
        [lazy, eager].forEach((s) => s.pushFixed(i * 3, PASS, 'c', 'LOCAL_OUT', `pkt#${i}`, FNS, 'ACCEPT'));
      else {
        const rec = new Facts('director', svc, i % 7 === 0 ? 'wlc' : 'rr', picks[(i * 31) % 4]!);
        [lazy, eager].forEach((s) => s.pushIdRecord(i * 3, FACTS, `pkt#${i}`, rec));
      }
    }
    expanded = 0;
    lazy.summariseBefore(Infinity, CHUNK);
    expect(expanded).toBe(0);
    eager.summariseBefore(Infinity, CHUNK);
    const sum = lazy.summarised()!;
    expect(sum).toEqual(eager.summarised());
    // Every combination seen: 2 services × 2 schedulers × 4 picks.
    expect(sum.decisions.length).toBe(16);
    expect(sum.decisions.reduce((a, d) => a + d.count, 0)).toBe(sum.byKind['ipvs.schedule']);
  });
});

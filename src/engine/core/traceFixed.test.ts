/**
 * Events of a fixed kind pushed as their values (pushFixed) are stored exactly as the same events
 * pushed as objects: the same columns (bytes), the same events read back, through truncation,
 * interleaved with other kinds and with objects of the fixed kinds themselves; recurring kinds'
 * rows found by their values (traceRowMemo.ts) too.
 */
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { Trace, type TraceEvent } from './trace';
import { fixedEvent, type FixedKind, fixedKind, packedKind } from './traceFixed';
import { RowMemo } from './traceRowMemo';
import { TraceStore } from './traceStore';

interface Passage {
  kind: 'pass';
  host: string;
  hook: string;
  pkt: string | null;
  fns: readonly unknown[];
  verdict: string;
}
interface Decision {
  kind: 'decide';
  host: string;
  pkt: string;
  client: string;
  dest: string | null;
  n: number;
  why: object | null;
  a: boolean;
  b: undefined;
}
const PASS = fixedKind<Passage>()('pass', ['host', 'hook', 'pkt', 'fns', 'verdict']);
const DECIDE = fixedKind<Decision>()('decide', ['host', 'pkt', 'client', 'dest', 'n', 'why', 'a', 'b']);
const ONE = fixedKind<{ kind: 'one'; x: unknown }>()('one', ['x']);
/** A passage that recurs whole: its rows are found by its values (traceRowMemo.ts). */
const RECUR = fixedKind<Passage>()('pass', ['host', 'hook', 'pkt', 'fns', 'verdict'], true);
const DECIDE_RECUR = fixedKind<Decision>()(
  'decide',
  ['host', 'pkt', 'client', 'dest', 'n', 'why', 'a', 'b'],
  true,
);
const KINDS: FixedKind[] = [PASS, DECIDE, ONE, RECUR, DECIDE_RECUR];

class Why {
  constructor(readonly rule: string) {}
}
const NO_FNS = Object.freeze([]);
const FNS = Object.freeze([Object.freeze({ name: 'ipvs', priority: 100, verdict: 'ACCEPT' })]);
const value = fc.oneof(
  fc.constantFrom(
    'client',
    'director',
    'rs1',
    'PRE_ROUTING',
    'LOCAL_IN',
    'FORWARD',
    'POST_ROUTING',
    'ACCEPT',
  ),
  fc.constantFrom('pkt#1', 'pkt#2', 'pkt#3', 'frm#9', 'conn#0', '10.0.0.1:80', 'x#'),
  fc.string({ maxLength: 4 }),
  fc.integer(),
  fc.constantFrom(0.5, 2 ** 40, -0, null, undefined, true, false),
  fc.constantFrom(NO_FNS, FNS, new Why('rr.next')),
  fc.constant(null).map(() => ({ proto: 'tcp', sport: 1, flags: ['SYN'] })),
);
/** An event: a fixed kind's values (pushed both ways) or a generic event of another kind. */
const step = fc.oneof(
  fc.tuple(fc.constantFrom(0, 1, 2, 3, 4), fc.array(value, { minLength: 9, maxLength: 9 })),
  fc.tuple(fc.constant(-1), fc.array(value, { minLength: 1, maxLength: 3 })),
);

function generic(kind: number, vals: unknown[]): { kind: string } {
  if (kind >= 0) return fixedEvent(KINDS[kind]!, vals);
  const ev: Record<string, unknown> = { kind: 'other' };
  vals.forEach((v, i) => (ev[`f${i}`] = v));
  return ev as { kind: string };
}

function pushFixed(store: TraceStore<{ kind: string }>, t: number, kind: number, v: unknown[]): void {
  store.pushFixed(t, KINDS[kind]!, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
}

type Store = TraceStore<{ kind: string }>;

/**
 * `push` sends each step to both stores (as objects, as values): they hold the same columns and
 * read back the same events, and again after a truncation at `cut` and the rest pushed again.
 */
function sameBothWays<S>(
  steps: S[],
  cut: number,
  objects: Store,
  values: Store,
  push: (s: S, t: number) => void,
): void {
  steps.forEach(push);
  const same = (): void => {
    expect(values.length).toBe(objects.length);
    expect(values.columnBytes()).toBe(objects.columnBytes());
    for (let i = 0; i < objects.length; i++) expect(values.at(i)).toEqual(objects.at(i));
  };
  same();
  const keep = steps.length === 0 ? 0 : cut % steps.length;
  objects.truncate(keep);
  values.truncate(keep);
  steps.slice(keep).forEach((s, i) => push(s, keep + i));
  same();
}

/** Run a property with the fuzz seed, naming the seed if it fails. */
function seeded(run: (seed: number) => void): void {
  const seed = fuzzSeed();
  try {
    run(seed);
  } catch (e) {
    throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
  }
}

describe('fixed kinds', () => {
  test('pushed as values, they are stored as the same events pushed as objects would be', () => {
    seeded((seed) =>
      fc.assert(
        fc.property(
          fc.array(fc.tuple(step, fc.boolean()), { maxLength: 300 }),
          fc.nat(),
          fc.constantFrom(undefined, 2),
          (steps, cut, maxRows) => {
            const objects: Store = new TraceStore(undefined, maxRows);
            const values: Store = new TraceStore(undefined, maxRows);
            sameBothWays(steps, cut, objects, values, ([[kind, vals], asObject], t) => {
              objects.push(t, generic(kind, vals));
              // A fixed kind also arrives as an object sometimes (a trace listener made one).
              if (kind < 0 || asObject) values.push(t, generic(kind, vals));
              else pushFixed(values, t, kind, vals);
            });
          },
        ),
        { seed, numRuns: 200 },
      ),
    );
  });

  test('recurring passages, found by their values, are stored as the same events pushed as objects', () => {
    const hits = vi.spyOn(RowMemo.prototype, 'find');
    // Few values, so passages repeat: the same hosts, hooks, lists; packets the same, the next, or not.
    const passage = fc.tuple(
      fc.constantFrom(3, 4),
      fc.tuple(
        fc.constantFrom('client', 'director'),
        fc.constantFrom('LOCAL_OUT', 'POST_ROUTING', 'pkt#1', 0, -0),
        fc.constantFrom('pkt#1', 'pkt#2', 'pkt#3', 'frm#1', 'x', null),
        fc.constantFrom(NO_FNS, FNS, [], { a: 1 }, new Why('rr')),
        fc.constantFrom('ACCEPT', 'frm#2', 'pkt#2', 0, -0),
        fc.constantFrom(0, -0, 'ACCEPT'),
      ),
    );
    seeded((seed) =>
      fc.assert(
        // Long enough for the values to age into rows (traceChecks.ts), as a request's do.
        fc.property(fc.array(passage, { minLength: 600, maxLength: 1200 }), fc.nat(), (steps, cut) => {
          const objects: Store = new TraceStore();
          const values: Store = new TraceStore();
          sameBothWays(steps, cut, objects, values, ([kind, vals], t) => {
            objects.push(t, generic(kind, [...vals, 1, true, undefined]));
            pushFixed(values, t, kind, [...vals, 1, true, undefined]);
          });
        }),
        { seed, numRuns: 40 },
      ),
    );
    // The memo was asked and found rows (else this test would check nothing new).
    expect(hits.mock.results.filter((r) => (r.value as number) >= 0).length).toBeGreaterThan(100);
    hits.mockRestore();
  });

  test("a request's events, recurring in order, are found by the row of the event before them: one entry compared, not the flow's list", () => {
    const finds = vi.spyOn(RowMemo.prototype, 'find');
    const compares = vi.spyOn(RowMemo.prototype as unknown as { matches: () => boolean }, 'matches');
    const objects: Store = new TraceStore();
    const values: Store = new TraceStore();
    // Per request: one packet past three real servers for two clients. Each (host, client) list
    // holds three entries; met in that order, the third would be found after comparing two others.
    let t = 0;
    for (let r = 0; r < 200; r++) {
      // Counted once the values have aged into rows (traceChecks.ts), as a request's have.
      if (r === 100) {
        finds.mockClear();
        compares.mockClear();
      }
      for (const dest of ['rs3', 'rs2', 'rs1'])
        for (const client of ['c1', 'c2']) {
          const vals = ['director', `pkt#${r}`, client, dest, 1, null, true, undefined];
          objects.push(t, generic(4, vals));
          pushFixed(values, t++, 4, vals);
        }
    }
    expect(values.columnBytes()).toBe(objects.columnBytes());
    for (let i = 0; i < objects.length; i++) expect(values.at(i)).toEqual(objects.at(i));
    const calls = finds.mock.calls.length;
    expect(finds.mock.results.filter((r) => (r.value as number) >= 0).length).toBeGreaterThan(calls * 0.9);
    // Scanning the lists compares two entries per event on average; the guess, about one.
    expect(compares.mock.calls.length).toBeLessThan(calls * 1.2);
    finds.mockRestore();
    compares.mockRestore();
  });

  test('a listener is handed the event as an object, equal to the one stored', () => {
    const trace = new Trace();
    const seen: TraceEvent[] = [];
    trace.emitFixed(5, PASS, 'client', 'LOCAL_OUT', 'pkt#1', NO_FNS, 'ACCEPT');
    trace.subscribe((e) => seen.push(e));
    trace.emitFixed(6, PASS, 'client', 'POST_ROUTING', 'pkt#1', FNS, 'DROP');
    expect(trace.at(0)).toEqual({
      kind: 'pass',
      host: 'client',
      hook: 'LOCAL_OUT',
      pkt: 'pkt#1',
      fns: [],
      verdict: 'ACCEPT',
      t: 5,
      seq: 0,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toEqual(trace.at(1));
    expect(Object.keys(seen[0]!)).toEqual(['kind', 'host', 'hook', 'pkt', 'fns', 'verdict', 't', 'seq']);
  });

  test('a packed kind reads back as the event it stands for, stored or handed to a listener', () => {
    class Rec {
      constructor(
        readonly host: string,
        readonly n: number,
      ) {}
    }
    const PACKED = packedKind<[string, Rec]>('packed', ['pkt', 'rec'], (st) => {
      const r = st.rec as Rec;
      return { kind: 'packed', host: r.host, pkt: st.pkt, n: r.n, twice: r.n * 2 };
    });
    const trace = new Trace();
    const seen: TraceEvent[] = [];
    trace.emitFixed(1, PACKED, 'pkt#1', new Rec('director', 3));
    trace.emitFixed(2, PASS, 'client', 'LOCAL_OUT', 'pkt#1', NO_FNS, 'ACCEPT');
    trace.subscribe((e) => seen.push(e));
    trace.emitFixed(3, PACKED, 'pkt#2', new Rec('backup', 4));
    const want = (host: string, pkt: string, n: number, t: number, seq: number) => ({
      kind: 'packed',
      host,
      pkt,
      n,
      twice: n * 2,
      t,
      seq,
    });
    expect(trace.at(0)).toEqual(want('director', 'pkt#1', 3, 1, 0));
    expect(Object.keys(trace.at(0)!)).toEqual(['kind', 'host', 'pkt', 'n', 'twice', 't', 'seq']);
    expect(seen).toEqual([want('backup', 'pkt#2', 4, 3, 2)]);
    expect(trace.at(2)).toEqual(seen[0]);
    expect(trace.at(1)!.kind).toBe('pass');
  });

  test("a packed kind's values by reference are stored as put would store them", () => {
    class Rec {
      constructor(readonly n: number) {}
    }
    const expand = (st: Record<string, unknown>) => ({ kind: 'packed', pkt: st.pkt, n: (st.rec as Rec).n });
    const PLAIN = packedKind<[string, Rec]>('packed', ['pkt', 'rec'], expand);
    const BY_REF = packedKind<[string, Rec]>('packed', ['pkt', 'rec'], expand, ['rec']);
    expect(BY_REF.refs).toBe(2);
    const stores = [PLAIN, BY_REF].map((f) => {
      const store = new TraceStore<{ kind: string }>();
      for (let i = 0; i < 300; i++) store.pushFixed(i, f, `pkt#${i >> 1}`, new Rec(i));
      return store;
    });
    expect(stores[1]!.columnBytes()).toBe(stores[0]!.columnBytes());
    for (const i of [0, 1, 64, 299]) {
      expect(stores[1]!.at(i)).toEqual(stores[0]!.at(i));
      expect(stores[1]!.at(i)).toEqual({ kind: 'packed', pkt: `pkt#${i >> 1}`, n: i, t: i, seq: i });
    }
    expect(() => packedKind('packed', ['pkt'], expand, ['rec'])).toThrow(/no key rec/);
  });

  test('a kind declares one to nine keys', () => {
    expect(() => fixedKind<{ kind: 'none' }>()('none', [])).toThrow(/0 fields/);
  });
});

/**
 * The columnar trace gives back exactly what was emitted: every field's value and type, the key
 * order (--trace JSON depends on it), then `t` and `seq`; plain objects and arrays as equal fresh
 * copies (nested, shared, in key order), other objects by reference; truncation forgets.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { TraceStore } from './traceStore';

const SHARED = { eth: { dst: 'ff:ff:ff:ff:ff:ff' } };
class Explained {
  constructor(readonly why: string) {}
}
const INSTANCE = new Explained('rr.next');
const scalar = fc.oneof(
  fc.integer(),
  fc.constantFrom(0, -0, 1 << 27, -(1 << 27), (1 << 27) - 1, -(1 << 27) - 1, 2 ** 40, 0.5, NaN, Infinity),
  fc.double(),
  fc.string(),
  fc.constantFrom('pkt#1', 'pkt#0', 'pkt#012', 'frm#8388607', 'frm#8388608', 'x#', '#3', 'a#b#1', 'conn#42'),
  fc.stringMatching(/^[a-p]{1,3}#[0-9]{1,8}$/),
  fc.boolean(),
  fc.constantFrom(null, undefined),
);
/** Plain data nested a few levels (headers in frames), shared objects, and a class instance. */
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'xsmall', maxDepth: 3 },
    scalar,
    fc.constantFrom(SHARED, [1, 2], [], {}, INSTANCE, Object.freeze([SHARED])),
    fc.array(tie('tree'), { maxLength: 3 }),
    fc.dictionary(
      fc.string().filter((k) => k !== '__proto__'),
      tie('tree'),
      { maxKeys: 3 },
    ),
  ),
}));
const value = tree;
const event = fc
  .tuple(
    fc.constantFrom('hook', 'route', 'frame.tx'),
    fc.uniqueArray(fc.tuple(fc.string(), value), { selector: ([k]) => k, maxLength: 6 }),
  )
  .map(([kind, fields]) => {
    const ev: Record<string, unknown> = { kind };
    for (const [k, v] of fields) if (k !== 'kind' && k !== 't' && k !== 'seq' && k !== '__proto__') ev[k] = v;
    return ev as { kind: string };
  });
/** Class instances come back as the same object; everything else as an equal value, keys in order. */
function sameValue(got: unknown, want: unknown): boolean {
  if (want instanceof Explained) return got === want;
  if (want === null || typeof want !== 'object') return Object.is(got, want);
  if (got === null || typeof got !== 'object' || got === want) return false;
  const keys = Object.keys(want);
  const gotKeys = Object.keys(got);
  return (
    keys.length === gotKeys.length &&
    keys.every(
      (k, i) =>
        gotKeys[i] === k &&
        sameValue((got as Record<string, unknown>)[k], (want as Record<string, unknown>)[k]),
    )
  );
}

function stamped(ev: { kind: string }, t: number, seq: number) {
  return { ...ev, t, seq };
}

describe('TraceStore', () => {
  test('≥ 1,000 fuzzed events come back field for field, in key order, with t and seq last, sealed or not', () => {
    const seed = fuzzSeed();
    try {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(event, fc.nat()), { maxLength: 20 }),
          fc.nat(),
          fc.nat(),
          fc.constantFrom(undefined, 0, 2),
          (evs, cut, sealAt, maxRows) => {
            // maxRows 0 or 2: events past the row table's room are stored whole.
            const store = new TraceStore<{ kind: string }>(undefined, maxRows);
            // Sealing (a full chunk gives back spare room) anywhere must change nothing read or written after.
            evs.forEach(([e, t], i) => {
              store.push(t, e);
              if (i === sealAt % evs.length) store.seal();
            });
            expect(store.length).toBe(evs.length);
            evs.forEach(([e, t], i) => {
              const got = store.at(i)!;
              expect(Object.keys(got)).toEqual(Object.keys(stamped(e, t, i)));
              expect(got).toEqual(stamped(e, t, i));
              for (const k of Object.keys(e)) expect(sameValue(got[k as 'kind'], e[k as 'kind'])).toBe(true);
            });
            const keep = evs.length === 0 ? 0 : cut % evs.length;
            store.truncate(keep);
            expect(store.length).toBe(keep);
            expect(store.at(keep)).toBeUndefined();
            store.push(7, { kind: 'again', obj: SHARED } as { kind: string });
            expect(store.at(keep)).toEqual({ kind: 'again', obj: SHARED, t: 7, seq: keep });
            if (keep > 0)
              expect(store.at(keep - 1)).toEqual(stamped(evs[keep - 1]![0], evs[keep - 1]![1], keep - 1));
          },
        ),
        { seed, numRuns: 1000 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('truncating a long run (past several pool checkpoints) gives the pools back exactly: as if only the kept events had been pushed', () => {
    const seed = fuzzSeed();
    try {
      fc.assert(
        fc.property(
          fc.array(event, { minLength: 65, maxLength: 400 }),
          fc.nat(),
          fc.constantFrom(undefined, 3),
          (evs, cut, maxRows) => {
            const keep = cut % evs.length;
            const store = new TraceStore<{ kind: string }>({ events: 8, slots: 8, objs: 8 }, maxRows);
            evs.forEach((e, i) => store.push(i, e));
            store.truncate(keep);
            const fresh = new TraceStore<{ kind: string }>(undefined, maxRows);
            evs.slice(0, keep).forEach((e, i) => fresh.push(i, e));
            expect(store.columnBytes()).toBe(fresh.columnBytes());
            // Pushed again: what the forgotten events wrote is written anew and reads right.
            evs.slice(keep).forEach((e, i) => store.push(keep + i, e));
            evs.forEach((e, i) => expect(store.at(i)).toEqual(stamped(e, i, i)));
          },
        ),
        { seed, numRuns: 60 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test('a plain object met twice is written once; decoding gives fresh copies', () => {
    const store = new TraceStore<{ kind: string }>();
    const pkt = { proto: 'ipv4', src: '10.0.0.1', payload: { proto: 'tcp', seq: 2 ** 31 + 5, options: [] } };
    store.push(1, { kind: 'frame.tx', eth: { dst: 'a', payload: pkt } } as { kind: string });
    const once = store.columnBytes();
    store.push(2, { kind: 'ipvs.xmit', before: pkt } as { kind: string });
    expect(store.columnBytes() - once).toBeLessThan(40);
    const a = store.at(1) as unknown as { before: typeof pkt };
    expect(a.before).toEqual(pkt);
    expect(a.before).not.toBe(pkt);
    expect(store.at(1)).not.toBe(a);
  });

  test('times far apart, earlier than the first, fractional or -0 come back exactly (4-byte offsets, wide ones aside)', () => {
    const times = [1_000, 1_000 + 2 ** 32 - 2, 1_000 + 2 ** 32 - 1, 2 ** 40, 999, 1_000.5, -0, 0, 1_001];
    const store = new TraceStore<{ kind: string }>();
    times.forEach((t) => store.push(t, { kind: 'x' }));
    times.forEach((t, i) => expect(Object.is(store.timeAt(i), t)).toBe(true));
    store.truncate(4);
    store.push(7, { kind: 'y' });
    expect(store.timeAt(4)).toBe(7);
    expect(store.timeAt(3)).toBe(2 ** 40);
    store.truncate(0);
    store.push(-0, { kind: 'z' });
    expect(Object.is(store.at(0)!.t, -0)).toBe(true);
  });

  test('long runs of one shape: fields that repeat, that never repeat, then repeat again, and a shape change mid-run', () => {
    const seed = fuzzSeed();
    try {
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.nat(300), fc.constantFrom('same', 'fresh', 'id', 'num', 'wide')), {
            minLength: 100,
            maxLength: 400,
          }),
          (plan) => {
            const store = new TraceStore<{ kind: string }>();
            const evs = plan.map(([n, mode], i) => {
              const v =
                mode === 'same'
                  ? 'director'
                  : mode === 'fresh'
                    ? `10.0.${n}.1:${i}`
                    : mode === 'id'
                      ? `pkt#${n}`
                      : n;
              const ev: Record<string, unknown> = {
                kind: 'ipvs.schedule',
                host: 'h',
                client: v,
                dest: `rs${n % 3}`,
              };
              if (mode === 'wide') ev.extra = String(n);
              return ev as { kind: string };
            });
            evs.forEach((e, i) => store.push(i, e));
            evs.forEach((e, i) => expect(store.at(i)).toEqual(stamped(e, i, i)));
          },
        ),
        { seed, numRuns: 100 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });
});

describe('TraceStore rows', () => {
  /** Hook passages as the stack emits them: a few hosts and hooks, a shared run list, a new packet each. */
  function passage(i: number, fns: readonly object[]): { kind: string } {
    return {
      kind: 'hook',
      host: ['client', 'director', 'rs1'][i % 3],
      hook: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'][i % 4],
      pkt: `pkt#${i >> 2}`,
      src: '172.16.132.78',
      dst: `192.168.99.${130 + (i % 2) * 10}`,
      fns,
      verdict: 'ACCEPT',
      client: `172.16.132.78:${32768 + (i >> 4)}`,
    } as { kind: string };
  }

  test('a passage that recurs costs its row number and what varies (packet id, fresh client ip:port), not every field', () => {
    const store = new TraceStore<{ kind: string }>();
    const fns = Object.freeze([Object.freeze({ name: 'ip_vs_in_hook', priority: 99, verdict: 'ACCEPT' })]);
    const n = 4000;
    for (let i = 0; i < 1000; i++) store.push(i, passage(i, fns));
    const warm = store.columnBytes();
    for (let i = 1000; i < n; i++) store.push(i, passage(i, fns));
    // 10 bytes of columns per event, 4 per varying slot (pkt, and client every time it is new), rows a few.
    const perEvent = (store.columnBytes() - warm) / (n - 1000);
    expect(perEvent).toBeLessThan(10 + 4 + 4 / 16 + 4 + 1);
    for (const i of [0, 1, 999, 1000, 2345, n - 1])
      expect(store.at(i)).toEqual({ ...passage(i, fns), t: i, seq: i });
  });

  test('a frame whose headers recur (addresses, ethertype, flags) costs its row numbers and what varies (id, port, seq)', () => {
    const frame = (i: number) =>
      ({
        kind: 'frame.tx',
        host: 'client',
        frame: `frm#${i}`,
        eth: {
          dst: '52:54:00:00:02:01',
          ethertype: 2048,
          payload: {
            proto: 'ipv4',
            id: 30_000 + i,
            ttl: 64,
            src: '172.16.132.78',
            dst: '172.16.132.18',
            payload: {
              proto: 'tcp',
              srcPort: 32768 + (i >> 3),
              dstPort: 80,
              seq: 2 ** 31 + i,
              flags: 16,
              window: 502,
              options: [],
            },
          },
        },
      }) as { kind: string };
    const store = new TraceStore<{ kind: string }>();
    for (let i = 0; i < 1000; i++) store.push(i, frame(i));
    const warm = store.columnBytes();
    for (let i = 1000; i < 3000; i++) store.push(i, frame(i));
    // Written whole: 4 + 10 + 6 + 8 slots of 4 bytes, 10 bytes of columns, 8 for the seq (122).
    expect((store.columnBytes() - warm) / 2000).toBeLessThan(64);
    for (const i of [0, 999, 1000, 2999]) expect(store.at(i)).toEqual({ ...frame(i), t: i, seq: i });
  });

  test('a store sized up front (a chunk after the first) reads and truncates the same as one grown', () => {
    const fns = Object.freeze([]);
    const sized = new TraceStore<{ kind: string }>({ events: 300, slots: 600, objs: 64 });
    const grown = new TraceStore<{ kind: string }>();
    for (let i = 0; i < 300; i++) {
      sized.push(i, passage(i, fns));
      grown.push(i, passage(i, fns));
    }
    sized.seal();
    expect(sized.columnBytes()).toBe(grown.columnBytes());
    sized.truncate(150);
    grown.truncate(150);
    expect(sized.columnBytes()).toBe(grown.columnBytes());
    for (let i = 0; i < 150; i++) expect(sized.at(i)).toEqual(grown.at(i));
  });
});

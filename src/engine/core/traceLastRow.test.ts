/**
 * An id and a record pushed in one call (TraceStore.pushIdRecord, rows found again through
 * LastRow) are stored as pushFixed stores them: the same columns, the same events read back,
 * through truncation and interleaved with other kinds; and a listener gets the object stored.
 */
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { Trace, type TraceEvent } from './trace';
import { fixedKind, packedKind } from './traceFixed';
import { LastRow } from './traceLastRow';
import { TraceStore } from './traceStore';

class Rec {
  constructor(readonly n: number) {}
}
const expand = (st: Record<string, unknown>) => ({ kind: 'packed', pkt: st.pkt, n: (st.rec as Rec).n });
const PAIR = packedKind<[string, Rec]>('packed', ['pkt', 'rec'], expand, ['rec']);
const OTHER = fixedKind<{ kind: 'other'; host: string; pkt: unknown; x: unknown }>()('other', [
  'host',
  'pkt',
  'x',
]);

type Store = TraceStore<{ kind: string }>;

describe('LastRow', () => {
  test('finds the row remembered only for its shape and first slot, and nothing once forgotten', () => {
    const last = new LastRow();
    expect(last.find(0, 0)).toBe(-1);
    last.remember(3, 135, 7);
    expect(last.find(3, 135)).toBe(7);
    expect(last.find(3, 7)).toBe(-1);
    expect(last.find(4, 135)).toBe(-1);
    last.remember(3, 7, 8);
    expect(last.find(3, 135)).toBe(-1);
    expect(last.find(3, 7)).toBe(8);
    last.forget();
    expect(last.find(3, 7)).toBe(-1);
  });
});

describe('pushIdRecord', () => {
  test('stores an id and a record as pushFixed does, rows remembered through truncation', () => {
    const found = vi.spyOn(LastRow.prototype, 'find');
    // Packets the same, the next, another, or no id at all; other kinds between.
    const id = fc.constantFrom('pkt#1', 'pkt#2', 'pkt#3', 'pkt#9', 'frm#2', 'x', '');
    const step = fc.oneof(
      fc.tuple(fc.constant(true), id, fc.nat(9)),
      fc.tuple(fc.constant(false), id, fc.constantFrom('director', 'rs1', 0, 2 ** 40, null, { a: 1 })),
    );
    const seed = fuzzSeed();
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 400 }),
        fc.nat(),
        fc.constantFrom(undefined, 3),
        (steps, cut, maxRows) => {
          const fixed: Store = new TraceStore(undefined, maxRows);
          const pairs: Store = new TraceStore(undefined, maxRows);
          const push = ([pair, pkt, x]: (typeof steps)[number], t: number): void => {
            if (!pair) {
              fixed.pushFixed(t, OTHER, 'director', pkt, x);
              pairs.pushFixed(t, OTHER, 'director', pkt, x);
              return;
            }
            const rec = new Rec(x as number);
            fixed.pushFixed(t, PAIR, pkt, rec);
            pairs.pushIdRecord(t, PAIR, pkt, rec);
          };
          const same = (): void => {
            expect(pairs.length).toBe(fixed.length);
            expect(pairs.columnBytes()).toBe(fixed.columnBytes());
            for (let i = 0; i < fixed.length; i++) expect(pairs.at(i)).toEqual(fixed.at(i));
          };
          steps.forEach(push);
          same();
          const keep = steps.length === 0 ? 0 : cut % steps.length;
          fixed.truncate(keep);
          pairs.truncate(keep);
          steps.slice(keep).forEach((s, i) => push(s, keep + i));
          same();
        },
      ),
      { seed, numRuns: 200 },
    );
    // Rows were found by the memo (else this would check nothing new).
    expect(found.mock.results.filter((r) => (r.value as number) >= 0).length).toBeGreaterThan(100);
    found.mockRestore();
  });

  test('a Trace hands the event to a listener as the object it stores', () => {
    const trace = new Trace();
    const seen: TraceEvent[] = [];
    trace.emitIdRecord(1, PAIR, 'pkt#4', new Rec(1));
    trace.subscribe((e) => seen.push(e));
    trace.emitIdRecord(2, PAIR, 'pkt#5', new Rec(2));
    expect(trace.at(0)).toEqual({ kind: 'packed', pkt: 'pkt#4', n: 1, t: 1, seq: 0 });
    expect(seen).toEqual([{ kind: 'packed', pkt: 'pkt#5', n: 2, t: 2, seq: 1 }]);
    expect(trace.at(1)).toEqual(seen[0]);
  });
});

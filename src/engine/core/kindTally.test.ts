/**
 * Counting a let-go chunk's raw events in bulk (kindTally.ts) gives the summary counting them one
 * by one gave: the same counts, span and decisions, and `byKind`'s keys in the same order (a kind
 * first seen after a decision, or in the raw part of a chunk read halfway), whether the first
 * event is special or not.
 */
import { describe, expect, test } from 'vitest';
import { KindTally, Positions } from './kindTally';
import { CHUNK, TraceChunks } from './traceChunks';
import type { EngineEvent } from './traceEvents';
import { fixedKind } from './traceFixed';
import { emptySummary } from './traceSummary';

interface Hop {
  kind: 'hop';
  host: string;
  pkt: string;
}
interface Late {
  kind: 'late';
  host: string;
}
const HOP = fixedKind<Hop>()('hop', ['host', 'pkt']);
// A second fixed kind of the same name (as a packed and a plain kind may be): one key, one count.
const HOP_TOO = fixedKind<Hop>()('hop', ['host', 'pkt']);
const LATE = fixedKind<Late>()('late', ['host']);
interface End {
  kind: 'cmd.end';
  host: string;
  index: number;
  exit: number;
  interrupted: boolean;
}
// A configuration (sticky) kind pushed fixed: kept by replaying its raw values.
const END = fixedKind<End>()('cmd.end', ['host', 'index', 'exit', 'interrupted']);

const decision = (i: number): EngineEvent => ({
  kind: 'ipvs.schedule',
  host: 'director',
  pkt: `pkt#${i}`,
  service: 'TCP 1.2.3.4:80',
  scheduler: 'rr',
  client: 'c',
  dest: i % 3 ? 'a' : 'b',
  explanation: null,
});

/** Event `i`: a decision first and every 11th, a command start and end every 500th, kinds first seen late. */
function pushAt(s: TraceChunks, i: number): void {
  const t = i * 5;
  if (i % 11 === 0) s.push(t, decision(i));
  else if (i % 500 === 3)
    s.push(t, { kind: 'cmd.start', host: 'client', command: 'curl', index: i } as never);
  else if (i % 500 === 4) s.pushFixed(t, END, 'client', i, i % 3, i % 2 === 0);
  else if (i > CHUNK + 40 && i % 13 === 0) s.pushFixed(t, LATE, 'client');
  else if (i > 2 * CHUNK + 9 && i % 17 === 0) s.push(t, { kind: 'generic.late', host: 'x' } as never);
  else s.pushFixed(t, i & 1 ? HOP : HOP_TOO, 'client', `pkt#${i}`);
}

describe('KindTally', () => {
  test('bulk counts of raw chunks, some read halfway, equal event-by-event counts, keys in order', () => {
    const n = 4 * CHUNK + 300;
    const lazy = new TraceChunks();
    const eager = new TraceChunks();
    lazy.setLazy(true);
    for (let i = 0; i < n; i++) {
      for (const s of [lazy, eager]) pushAt(s, i);
      // Read halfway through the third chunk: its first half is encoded, the rest raw.
      if (i === 2 * CHUNK + CHUNK / 2) lazy.at(i);
      if ((i + 1) % CHUNK === 0) for (const s of [lazy, eager]) s.summariseBefore(Infinity, CHUNK);
    }
    const a = lazy.summarised()!;
    const b = eager.summarised()!;
    expect(a).toEqual(b);
    expect(Object.keys(a.byKind)).toEqual([
      'ipvs.schedule',
      'hop',
      'cmd.start',
      'cmd.end',
      'late',
      'generic.late',
    ]);
    expect(Object.keys(a.byKind)).toEqual(Object.keys(b.byKind));
    expect(a.fromSeq).toBe(0);
    expect(a.events).toBe(3 * CHUNK);
    expect(a.toUs).toBe((3 * CHUNK - 1) * 5);
    expect(Object.values(a.byKind).reduce((x, y) => x + y, 0)).toBe(3 * CHUNK);
    // The configuration kept from the let-go span reads as the eager trace's, fixed or not.
    const kept = (s: TraceChunks) => {
      const seqs: number[] = [];
      s.eachSticky(0, lazy.first, (i) => seqs.push(i));
      return seqs;
    };
    expect(kept(lazy)).toEqual(kept(eager));
    expect(kept(lazy).length).toBeGreaterThan(150);
    for (const i of kept(lazy)) expect(lazy.at(i)).toEqual(eager.at(i));
    expect(lazy.at(504)).toEqual({
      kind: 'cmd.end',
      host: 'client',
      index: 504,
      exit: 0,
      interrupted: true,
      t: 2520,
      seq: 504,
    });
  });

  test('counts by fixed kind and by name, special events handed out in order, counters reset', () => {
    const s = emptySummary();
    const tally = new KindTally((k) => k === 'cmd.end', s);
    const ops = new Uint8Array([1, 0, 1, 0, 1, 1]);
    const heads = [HOP, { kind: 'cmd.end' }, LATE, { kind: 'x' }, HOP_TOO, HOP];
    const out = new Positions();
    expect(tally.count({ n: 6, ops, heads, eventOp: 0 }, out)).toBe(5);
    expect([...out.at.subarray(0, out.n)]).toEqual([1]);
    expect(s.byKind).toEqual({ hop: 3, 'cmd.end': 0, late: 1, x: 1 });
    // A second part: only its own events are added (the counters were reset), `out` is refilled.
    expect(tally.count({ n: 2, ops, heads, eventOp: 0 }, out)).toBe(1);
    expect([...out.at.subarray(0, out.n)]).toEqual([1]);
    expect(s.byKind).toEqual({ hop: 4, 'cmd.end': 0, late: 1, x: 1 });
  });

  test('more kinds than its first table holds', () => {
    const s = emptySummary();
    const tally = new KindTally(() => false, s);
    const heads = Array.from({ length: 40 }, (_, i) => ({ kind: `k${i}` }));
    const ops = new Uint8Array(40);
    expect(tally.count({ n: 40, ops, heads, eventOp: 0 }, new Positions())).toBe(40);
    expect(Object.keys(s.byKind)).toEqual(heads.map((h) => h.kind));
    expect(Object.values(s.byKind).every((c) => c === 1)).toBe(true);
  });

  test('more special events than its first positions hold, in order; a smaller part after refills it', () => {
    const tally = new KindTally((k) => k === 'cmd.end', emptySummary());
    const heads = Array.from({ length: 300 }, (_, i) => ({ kind: i % 3 === 0 ? 'cmd.end' : 'x' }));
    const ops = new Uint8Array(300);
    const out = new Positions();
    expect(tally.count({ n: 300, ops, heads, eventOp: 0 }, out)).toBe(200);
    expect([...out.at.subarray(0, out.n)]).toEqual(Array.from({ length: 100 }, (_, i) => 3 * i));
    expect(tally.count({ n: 5, ops, heads, eventOp: 0 }, out)).toBe(3);
    expect([...out.at.subarray(0, out.n)]).toEqual([0, 3]);
  });
});

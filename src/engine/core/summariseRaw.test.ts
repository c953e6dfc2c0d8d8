/**
 * A raw part's summary (traceChunks.ts summariseRaw: decisions tallied from their records and
 * counted at once) is the one an eager trace makes event by event: the same counts, the same span,
 * and `byKind`'s keys in the same order, whichever kind a part starts with; decisions with an
 * identity (DecisionFacts.factsSite) counted where their first was (tallyMemo.ts).
 */
import { describe, expect, test } from 'vitest';
import { CHUNK, TraceChunks } from './traceChunks';
import { TallyMemo } from './tallyMemo';
import { fixedKind, packedKind } from './traceFixed';

interface Passage {
  kind: 'pass';
  host: string;
  pkt: string;
}
const PASS = fixedKind<Passage>()('pass', ['host', 'pkt']);

class Facts {
  constructor(
    readonly host: string,
    readonly service: string,
    readonly scheduler: string,
    readonly winner: string | null,
    readonly factsSite: object | undefined = undefined,
    readonly factsWinner: object | null = null,
  ) {}
}
const DECIDE = packedKind<[string, Facts]>(
  'ipvs.schedule',
  ['pkt', 'rec'],
  (st) => {
    const r = st.rec as Facts;
    const { host, service, scheduler } = r;
    return { kind: 'ipvs.schedule', host, pkt: st.pkt, service, scheduler, dest: r.winner };
  },
  ['rec'],
  true,
);

type Push = (s: TraceChunks, i: number) => void;

const decide: Push = (s, i) =>
  s.pushIdRecord(i * 2, DECIDE, `pkt#${i}`, new Facts('director', 'TCP v:80', 'rr', i % 3 ? 'rs1' : null));
const pass: Push = (s, i) => s.pushFixed(i * 2, PASS, 'client', `pkt#${i}`);
const sysctl: Push = (s, i) =>
  s.push(i * 2, { kind: 'sysctl.set', host: 'director', name: 'x', old: 0, new: i } as never);

/** Push `n` events chosen by `which` to a lazy and an eager trace, summarise both, compare. */
function expectSameSummary(n: number, which: (i: number) => Push): void {
  const lazy = new TraceChunks();
  const eager = new TraceChunks();
  lazy.setLazy(true);
  for (let i = 0; i < n; i++) for (const s of [lazy, eager]) which(i)(s, i);
  for (const s of [lazy, eager]) s.summariseBefore(Infinity, 1);
  const a = lazy.summarised()!;
  const b = eager.summarised()!;
  expect(a).toEqual(b);
  expect(Object.keys(a.byKind)).toEqual(Object.keys(b.byKind));
  expect(a.events).toBe(b.toSeq - b.fromSeq);
}

describe('summarising a raw part', () => {
  test('a part of decisions only: span and counts as eager', () => {
    expectSameSummary(2 * CHUNK + 10, () => decide);
  });

  test('decisions first, then configuration, then others: keys in order of first appearance', () => {
    expectSameSummary(2 * CHUNK + 10, (i) => (i < 5 ? decide : i < 9 ? sysctl : i % 4 ? pass : decide));
  });

  test('others first, decisions and configuration later, in each chunk', () => {
    expectSameSummary(3 * CHUNK + 10, (i) => {
      const k = i % CHUNK;
      return k < 100 ? pass : k % 7 === 0 ? sysctl : k % 2 ? decide : pass;
    });
  });

  test('decisions with an identity: more pairs than the memo keeps, each tallied as eager tallies its strings', () => {
    // 3 sites × 30 winners (and none): past the memo's 64 pairs. A site stands for its strings.
    const sites = [0, 1, 2].map((k) => ({ host: `h${k % 2}`, service: `TCP v:${80 + k}` }));
    const winners = Array.from({ length: 31 }, (_, w) => (w === 30 ? null : { key: `10.0.0.${w}:80` }));
    const identified: Push = (s, i) => {
      const site = sites[(i * 7) % 3]!;
      const w = winners[(i * 13) % 31]!;
      s.pushIdRecord(
        i * 2,
        DECIDE,
        `pkt#${i}`,
        new Facts(site.host, site.service, 'rr', w?.key ?? null, site, w),
      );
    };
    expectSameSummary(2 * CHUNK + 10, (i) => (i % 5 === 0 ? pass : i % 11 === 0 ? decide : identified));
  });
});

describe('TallyMemo', () => {
  test('finds a pair by both objects, not by one; keeps the first pairs only', () => {
    const m = new TallyMemo();
    const [a, b, x, y] = [{}, {}, {}, {}];
    m.add(a, x, 3);
    m.add(b, null, 5);
    expect(m.find(a, x)).toBe(3);
    expect(m.find(b, null)).toBe(5);
    expect(m.find(a, null)).toBe(-1);
    expect(m.find(b, x)).toBe(-1);
    expect(m.find(a, y)).toBe(-1);
    for (let k = 0; k < 100; k++) m.add({}, y, 100 + k);
    expect(m.find(a, x)).toBe(3);
    expect(m.find(b, null)).toBe(5);
    const late = {};
    m.add(late, y, 7);
    expect(m.find(late, y)).toBe(-1);
  });
});

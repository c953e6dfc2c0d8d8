/**
 * The chunked trace: past a bound, whole chunks are summarised; their configuration events stay
 * readable at their own seq, anything else there reads undefined; the summary counts what went;
 * a cut (truncate) anywhere, even into summarised time, leaves a trace that appends correctly.
 */
import { describe, expect, test } from 'vitest';
import type { EngineEvent } from './traceEvents';
import { CHUNK, STICKY_KINDS, TraceChunks } from './traceChunks';

/** Every 100th event a sysctl write (kept when summarised), every 7th a scheduler decision. */
function eventAt(i: number): EngineEvent {
  if (i % 100 === 0)
    return { kind: 'sysctl.set', host: 'director', name: 'net.ipv4.ip_forward', old: 0, new: i } as never;
  if (i % 7 === 0)
    return {
      kind: 'ipvs.schedule',
      host: 'director',
      pkt: `pkt#${i}`,
      service: 'TCP 1.2.3.4:80',
      scheduler: 'rr',
      client: 'c',
      dest: i % 2 ? 'a' : 'b',
      explanation: null,
    };
  return { kind: 'route', host: 'client', pkt: `pkt#${i}` } as never;
}

function filled(n: number): TraceChunks {
  const c = new TraceChunks();
  for (let i = 0; i < n; i++) c.push(i * 10, eventAt(i));
  return c;
}

describe('TraceChunks', () => {
  test('summarising keeps the bound, configuration events, and counts the rest', () => {
    const n = 3 * CHUNK + 500;
    const c = filled(n);
    c.summariseBefore(Infinity, CHUNK);
    expect(c.first).toBe(2 * CHUNK);
    expect(c.length).toBe(n);
    for (const i of [0, 100, 7, 1, CHUNK + 3, 2 * CHUNK - 1, 2 * CHUNK, n - 1]) {
      const e = c.at(i);
      if (i >= c.first || i % 100 === 0) expect(e).toEqual({ ...eventAt(i), t: i * 10, seq: i });
      else expect(e).toBeUndefined();
      expect(c.kindAt(i)).toBe(e?.kind);
    }
    const s = c.summarised()!;
    expect(s.events).toBe(2 * CHUNK);
    expect([s.fromSeq, s.toSeq, s.fromUs, s.toUs]).toEqual([0, 2 * CHUNK, 0, (2 * CHUNK - 1) * 10]);
    let decisions = 0;
    for (let i = 0; i < 2 * CHUNK; i++) if (eventAt(i).kind === 'ipvs.schedule') decisions++;
    expect(s.byKind['ipvs.schedule']).toBe(decisions);
    expect(s.decisions.reduce((a, d) => a + d.count, 0)).toBe(decisions);
    expect(Object.values(s.byKind).reduce((a, b) => a + b, 0)).toBe(2 * CHUNK);
  });

  test('nothing from the pin on is summarised', () => {
    const c = filled(4 * CHUNK);
    c.summariseBefore(CHUNK + 5, 0);
    expect(c.first).toBe(CHUNK);
  });

  test.each([2 * CHUNK + 10, CHUNK + 7, 100, 0])('a cut at %i, then appending, reads back right', (cut) => {
    const c = filled(3 * CHUNK + 9);
    c.summariseBefore(Infinity, CHUNK);
    c.truncate(cut);
    expect(c.length).toBe(cut);
    for (let i = cut; i < cut + CHUNK + 3; i++) c.push(i * 10, eventAt(i));
    for (const i of [cut, cut + 1, cut + CHUNK + 2])
      expect(c.at(i)).toEqual({ ...eventAt(i), t: i * 10, seq: i });
    expect(c.first).toBeLessThanOrEqual(cut);
    expect(c.at(cut + CHUNK + 3)).toBeUndefined();
  });

  test('eachSticky visits exactly the sticky events of a span, through summarising, cuts and growth', () => {
    const c = filled(3 * CHUNK + 500);
    /** The sticky events of [from, to) as reading each event's kind finds them. */
    const brute = (from: number, to: number) => {
      const out: number[] = [];
      for (let i = Math.max(0, from); i < Math.min(to, c.length); i++)
        if (STICKY_KINDS.has(c.kindAt(i) ?? '')) out.push(i);
      return out;
    };
    const listed = (from: number, to: number) => {
      const out: number[] = [];
      c.eachSticky(from, to, (i) => out.push(i));
      return out;
    };
    const spans = () => {
      const n = c.length;
      const at = [0, 1, 99, 100, 101, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 50, n - 101, n - 1, n, n + 5];
      for (const a of at)
        for (const b of at) if (a <= b) expect(listed(a, b), `[${a}, ${b})`).toEqual(brute(a, b));
    };
    spans();
    c.summariseBefore(Infinity, CHUNK);
    expect(c.first).toBe(2 * CHUNK);
    spans();
    // A cut inside a kept chunk whose list was made, then growth past it with other events.
    c.truncate(2 * CHUNK + 300);
    spans();
    for (let i = c.length; i < 3 * CHUNK + 20; i++) c.push(i * 10, eventAt(i + 1));
    spans();
    // A cut into summarised time: the kept configuration before it, a new chunk after.
    c.truncate(CHUNK + 7);
    spans();
    for (let i = c.length; i < 2 * CHUNK + 900; i++) c.push(i * 10, eventAt(i));
    spans();
    // A second cut before the first kept event of that chunk: it starts again, lists and all.
    c.truncate(CHUNK + 3);
    for (let i = c.length; i < CHUNK + 400; i++) c.push(i * 10, eventAt(i + 50));
    spans();
    expect(listed(0, c.length).length).toBeGreaterThan(150);
  });
});

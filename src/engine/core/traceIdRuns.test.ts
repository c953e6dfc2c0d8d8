/**
 * Ids stored as runs (traceIdRuns.ts): an event naming the last id of a prefix again, or the next
 * one, reads back the same id, whatever the order of reads, across checkpoints, with rows or
 * without, after truncation and pushing again.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { TraceStore } from './traceStore';

function stamped(ev: { kind: string }, t: number, seq: number) {
  return { ...ev, t, seq };
}

describe('TraceStore id runs', () => {
  /** Ids as the stack names them: mostly the last one of their prefix again, or the next. */
  const step = fc.tuple(
    fc.constantFrom('same', 'next', 'back', 'jump', 'string', 'none'),
    fc.constantFrom('pkt', 'frm', 'conn'),
    fc.nat(1 << 22),
  );
  function idEvents(plan: readonly (readonly [string, string, number])[]): { kind: string }[] {
    const last = new Map<string, number>();
    return plan.map(([mode, prefix, n], i) => {
      const prev = last.get(prefix) ?? 0;
      const id =
        mode === 'same' ? prev : mode === 'next' ? prev + 1 : mode === 'back' ? Math.max(0, prev - 1) : n;
      last.set(prefix, id);
      const ev: Record<string, unknown> = { kind: i % 3 === 0 ? 'frame.tx' : 'hook', host: 'h' };
      if (mode === 'string') ev.note = `${prefix}#${id}x`;
      else if (mode !== 'none') ev[prefix] = `${prefix}#${id}`;
      // A second id field of another prefix, and one of the same prefix (same value or not).
      if (i % 5 === 0) ev.pkt2 = `pkt#${last.get('pkt') ?? 0}`;
      if (i % 7 === 0) ev.frame = `frm#${(last.get('frm') ?? 0) + (i % 2)}`;
      return ev as { kind: string };
    });
  }

  test('fuzzed runs of repeated and next ids read back equal in any order, after truncation and pushing again', () => {
    const seed = fuzzSeed();
    try {
      fc.assert(
        fc.property(
          fc.array(step, { minLength: 1, maxLength: 300 }),
          fc.array(fc.nat(), { maxLength: 40 }),
          fc.nat(),
          fc.constantFrom(undefined, 0, 3),
          (plan, order, cut, maxRows) => {
            const evs = idEvents(plan);
            const store = new TraceStore<{ kind: string }>(undefined, maxRows);
            evs.forEach((e, i) => store.push(i, e));
            // Random reads (the event list jumps), then in order (playback).
            for (const o of order)
              expect(store.at(o % evs.length)).toEqual(
                stamped(evs[o % evs.length]!, o % evs.length, o % evs.length),
              );
            evs.forEach((e, i) => expect(store.at(i)).toEqual(stamped(e, i, i)));
            const keep = cut % evs.length;
            store.truncate(keep);
            const fresh = new TraceStore<{ kind: string }>(undefined, maxRows);
            evs.slice(0, keep).forEach((e, i) => fresh.push(i, e));
            expect(store.columnBytes()).toBe(fresh.columnBytes());
            evs.slice(keep).forEach((e, i) => store.push(keep + i, e));
            for (let i = evs.length - 1; i >= 0; i--) expect(store.at(i)).toEqual(stamped(evs[i]!, i, i));
          },
        ),
        { seed, numRuns: 300 },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });

  test("an event naming its packet's id again, or the next frame's, keeps no slot of its own", () => {
    const store = new TraceStore<{ kind: string }>();
    const ev = (i: number) => ({ kind: 'hook', host: 'h', pkt: `pkt#${1000 + (i >> 6)}`, frame: `frm#${i}` });
    for (let i = 0; i < 640; i++) store.push(i, ev(i));
    const warm = store.columnBytes();
    for (let i = 640; i < 6400; i++) store.push(i, ev(i));
    // 2 bytes of row number, 2 of time delta; per checkpoint (64 events) its first two ids (8 bytes),
    // its pool sizes (24) and its exact time (8). Each id in a slot of its own would add 8 per event.
    expect((store.columnBytes() - warm) / 5760).toBeLessThan(4 + 40 / 64 + 0.05);
    for (const i of [0, 63, 64, 65, 639, 640, 6399]) expect(store.at(i)).toEqual({ ...ev(i), t: i, seq: i });
  });
});

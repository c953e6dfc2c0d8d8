/**
 * Reading events back from the columns (traceColumns.ts): bounds as Array.at has them, and the
 * read cursor (an event's own slots found from the one read last, else from its checkpoint) gives
 * the same events in any reading order.
 */
import { describe, expect, test } from 'vitest';
import { TraceStore } from './traceStore';

describe('TraceColumns', () => {
  test('out of range is undefined, negative counts from the end as Array.at does', () => {
    const store = new TraceStore<{ kind: string }>();
    store.push(5, { kind: 'a' });
    store.push(9, { kind: 'b' });
    expect(store.at(2)).toBeUndefined();
    expect(store.at(-1)).toEqual({ kind: 'b', t: 9, seq: 1 });
    expect(store.at(-3)).toBeUndefined();
    expect(store.kindAt(1)).toBe('b');
    expect(store.kindAt(2)).toBeUndefined();
    expect(store.timeAt(0)).toBe(5);
    expect(store.timeAt(-1)).toBeUndefined();
  });

  test('in order, backwards and jumping across checkpoints, reads give the same events', () => {
    type Ev = { kind: string; id?: string; n?: number; host?: string; o?: object };
    // Ids that run on (marks, not slots), values that vary, objects, and events stored whole
    // (maxRows 4: most shapes get no row), over several 64-event checkpoints.
    const store = new TraceStore<Ev>(undefined, 4);
    const made: Ev[] = [];
    for (let i = 0; i < 300; i++) {
      const ev: Ev =
        i % 3 === 0
          ? { kind: 'hook', id: `pkt#${i >> 2}`, host: `h${i % 5}` }
          : i % 3 === 1
            ? { kind: 'sock', n: i * 7, o: { a: i, b: [i, 'x'] } }
            : { kind: `k${i % 11}`, n: i };
      made.push(ev);
      store.push(i * 3, ev);
    }
    const want = (i: number) => ({ ...made[i], t: i * 3, seq: i });
    for (let i = 0; i < 300; i++) expect(store.at(i)).toEqual(want(i));
    for (let i = 299; i >= 0; i--) expect(store.at(i)).toEqual(want(i));
    for (const i of [200, 7, 130, 64, 63, 299, 0, 128, 129, 65]) {
      expect(store.kindAt(i)).toBe(made[i]!.kind);
      expect(store.at(i)).toEqual(want(i));
    }
  });
});

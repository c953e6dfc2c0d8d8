/**
 * An encoded object whose row holds all its values (a TCP option `{ kind: 'nop' }`, fresh per
 * packet) is the row's first copy again: no words of its own, read back as an equal fresh object,
 * and still right after the first copy is truncated away.
 */
import { describe, expect, test } from 'vitest';
import { TraceStore } from './traceStore';

const frame = (i: number) =>
  ({
    kind: 'frame.tx',
    frame: `frm#${i * 7}`,
    options: [{ kind: 'nop' }, { kind: 'nop' }, { kind: 'timestamp', val: 1000 + i, ecr: 7 }],
  }) as { kind: string };

describe('ObjectSlots', () => {
  test('fresh objects with nothing of their own are written once', () => {
    const store = new TraceStore<{ kind: string }>();
    for (let i = 0; i < 1000; i++) store.push(i, frame(i));
    const warm = store.columnBytes();
    for (let i = 1000; i < 2000; i++) store.push(i, frame(i));
    // Per frame: row number and time (4 bytes), frame id and options pointer (8), the array's header
    // and its timestamp's pointer (8), the timestamp's header and val (8), a checkpoint's share (<1).
    // Each nop written again would add 4 bytes of header and 4 of pointer.
    expect((store.columnBytes() - warm) / 1000).toBeLessThan(4 + 8 + 8 + 8 + 1);
    for (const i of [0, 1, 999, 1000, 1999]) {
      const got = store.at(i) as unknown as { options: object[] };
      expect(got).toEqual({ ...frame(i), t: i, seq: i });
      expect(got.options[0]).not.toBe(got.options[1]);
    }
  });

  test('truncated back past the first copy, the next object is written anew and reads right', () => {
    const store = new TraceStore<{ kind: string }>();
    for (let i = 0; i < 300; i++) store.push(i, frame(i));
    store.truncate(0);
    for (let i = 0; i < 300; i++) store.push(i, frame(i + 5));
    for (const i of [0, 1, 150, 299]) expect(store.at(i)).toEqual({ ...frame(i + 5), t: i, seq: i });
  });
});

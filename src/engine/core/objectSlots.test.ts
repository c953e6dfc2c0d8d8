/**
 * An encoded object whose row holds all its values (a TCP option `{ kind: 'nop' }`, fresh per
 * packet) is the row's first copy again: no words of its own, read back as an equal fresh object,
 * and still right after the first copy is truncated away. Objects nested in a fresh one are written
 * inside its words, with no pointer to them. Frozen options shared by every segment are found by
 * identity once their row holds all their values; forgotten when the store is truncated or sealed.
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

  test('fresh nested objects (an IPv4 header in a frame, a TCP segment in it) cost no pointer', () => {
    const nested = (i: number) =>
      ({
        kind: 'frame.tx',
        eth: {
          type: 2048,
          payload: { proto: 'ipv4', id: 5000 + i, payload: { proto: 'tcp', window: 300 + i } },
        },
      }) as { kind: string };
    const store = new TraceStore<{ kind: string }>();
    for (let i = 0; i < 1000; i++) store.push(i, nested(i));
    const warm = store.columnBytes();
    for (let i = 1000; i < 2000; i++) store.push(i, nested(i));
    // Row number and time (4), three headers (12), id and window (8), a checkpoint's share (<1):
    // no pointer to the eth object (the event's object written next) nor to the headers in it.
    expect((store.columnBytes() - warm) / 1000).toBeLessThan(4 + 12 + 8 + 1);
    for (const i of [0, 999, 1000, 1999]) expect(store.at(i)).toEqual({ ...nested(i), t: i, seq: i });
  });

  test('a nested object met again points at its place inside the first one', () => {
    const store = new TraceStore<{ kind: string }>();
    const tcp = { proto: 'tcp', seq: 2 ** 31 + 1, options: [{ kind: 'mss', value: 1460 }] };
    const ip = { proto: 'ipv4', id: 7, payload: tcp };
    store.push(1, { kind: 'frame.tx', eth: { payload: ip } } as { kind: string });
    store.push(2, { kind: 'ipvs.xmit', before: ip, seg: tcp, opts: tcp.options } as { kind: string });
    expect(store.at(0)).toEqual({ kind: 'frame.tx', eth: { payload: ip }, t: 1, seq: 0 });
    expect(store.at(1)).toEqual({ kind: 'ipvs.xmit', before: ip, seg: tcp, opts: tcp.options, t: 2, seq: 1 });
  });

  describe("frozen constants in arrays (a segment's shared TCP options)", () => {
    const NOP = Object.freeze({ kind: 'nop' });
    const MSS = Object.freeze({ kind: 'mss', value: 1460 });
    const seg = (i: number) =>
      ({ kind: 'frame.tx', frame: `frm#${i * 7}`, options: [MSS, NOP, { kind: 'ts', val: 9 + i }, NOP] }) as {
        kind: string;
      };

    test('are their first copy: no words, read back as equal fresh objects', () => {
      const store = new TraceStore<{ kind: string }>();
      for (let i = 0; i < 1000; i++) store.push(i, seg(i));
      const warm = store.columnBytes();
      for (let i = 1000; i < 2000; i++) store.push(i, seg(i));
      // As the nop test above, with a fourth element's pointer (4): the constants cost no header.
      expect((store.columnBytes() - warm) / 1000).toBeLessThan(4 + 8 + 8 + 4 + 8 + 1);
      for (const i of [0, 1, 500, 1999]) {
        const got = store.at(i) as unknown as { options: object[] };
        expect(got).toEqual({ ...seg(i), t: i, seq: i });
        expect(got.options[0]).not.toBe(MSS);
        expect(got.options[1]).not.toBe(got.options[3]);
      }
    });

    test('are written anew after a truncation drops their first copy, or a seal', () => {
      const store = new TraceStore<{ kind: string }>();
      const other = (i: number) =>
        ({ kind: 'frame.tx', frame: `frm#${i}`, options: [{ kind: 'ts', val: i }, [i, 'x']] }) as {
          kind: string;
        };
      // Past 256 events the options' strings recur: their rows then hold all their values.
      for (let i = 0; i < 1000; i++) store.push(i, seg(i));
      store.truncate(0);
      // Other objects where the first copies were: a slot kept from before would read one of them.
      for (let i = 0; i < 1000; i++) store.push(i, other(i));
      for (let i = 1000; i < 2000; i++) store.push(i, seg(i));
      store.seal();
      for (let i = 2000; i < 2100; i++) store.push(i, seg(i));
      for (const i of [0, 999]) expect(store.at(i)).toEqual({ ...other(i), t: i, seq: i });
      for (const i of [1000, 1001, 1500, 1999, 2000, 2099])
        expect(store.at(i)).toEqual({ ...seg(i), t: i, seq: i });
    });
  });
});

/**
 * How a field's objects reach the object pool: a field that recurs (a host's hook-run list) is
 * found by identity, a field of fresh objects (a rewritten packet, a frame) stops asking the
 * sharing maps but still tells them, and an object with an own `__proto__` key is kept by
 * reference. Each must read back as it went in.
 */
import { describe, expect, test } from 'vitest';
import { TraceStore } from './traceStore';

type Ev = { kind: string; [field: string]: unknown };

const packet = (i: number) => ({
  proto: 'ipv4',
  id: i,
  src: '10.0.0.1',
  dst: '10.0.0.2',
  payload: { seq: i * 7 },
});

/** A rewrite shows its fresh packet, then a frame carries it (or a copy of it). */
function run(copy: boolean, n: number): { store: TraceStore<Ev>; events: Ev[] } {
  const store = new TraceStore<Ev>();
  const events: Ev[] = [];
  for (let i = 0; i < n; i++) {
    const pkt = packet(i);
    events.push({ kind: 'ipvs.snat', host: 'director', pkt });
    events.push({
      kind: 'frame.tx',
      host: 'director',
      eth: { dst: 'aa', payload: copy ? structuredClone(pkt) : pkt },
    });
  }
  events.forEach((ev, i) => store.push(i, ev));
  return { store, events };
}

describe('TraceFields objects', () => {
  test('a field of fresh objects still tells the sharing maps: the frame carrying a rewritten packet points at it', () => {
    const shared = run(false, 600);
    const copied = run(true, 600);
    // Past the fresh streak too (a few hundred events): each frame refers to the packet shown just before.
    expect(shared.store.columnBytes()).toBeLessThan(copied.store.columnBytes() - 600 * 8);
    for (const i of [0, 1, 17, 18, 300, 301, 1198, 1199])
      expect(shared.store.at(i)).toEqual({ ...shared.events[i], t: i, seq: i });
  });

  test('an object met again in its field reads back right, also after a truncation past it', () => {
    const store = new TraceStore<Ev>();
    const fns = [{ name: 'ipvs', priority: 1 }];
    for (let i = 0; i < 100; i++) store.push(i, { kind: 'hook', pkt: `pkt#${i}`, fns });
    store.truncate(0);
    const other = [{ name: 'nat', priority: 2 }];
    for (let i = 0; i < 100; i++) store.push(i, { kind: 'hook', pkt: `pkt#${i}`, fns: i < 50 ? fns : other });
    for (const i of [0, 49, 50, 99])
      expect(store.at(i)).toEqual({ kind: 'hook', pkt: `pkt#${i}`, fns: i < 50 ? fns : other, t: i, seq: i });
  });

  test('an object with an own __proto__ key comes back with it as a key, not as its prototype', () => {
    const store = new TraceStore<Ev>();
    const o = JSON.parse('{"a": 1, "__proto__": {"polluted": true}}') as object;
    store.push(0, { kind: 'x', o });
    const got = (store.at(0) as Ev).o as Record<string, unknown>;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.keys(got)).toEqual(['a', '__proto__']);
  });
});

describe('TraceFields caches and sealing', () => {
  test('a sealed store, written again (its caches let go), reads every event back right', () => {
    const store = new TraceStore<Ev>();
    const fns = [{ name: 'ipvs', priority: 1 }];
    const ev = (i: number): Ev => ({
      kind: 'hook',
      host: `h${i % 3}`,
      pkt: `pkt#${i}`,
      fns,
      eth: { dst: `aa:${i % 5}`, payload: packet(i) },
    });
    for (let i = 0; i < 300; i++) store.push(i, ev(i));
    store.seal();
    for (let i = 300; i < 600; i++) store.push(i, ev(i));
    for (const i of [0, 1, 299, 300, 301, 599]) expect(store.at(i)).toEqual({ ...ev(i), t: i, seq: i });
  });
});

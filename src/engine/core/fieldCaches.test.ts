/**
 * A shape's field caches make each part when a field first needs it (an ha start's shapes hold
 * strings in most fields and objects in almost none), and give the pool's codes all the same.
 */
import { describe, expect, test } from 'vitest';
import { cachedCode, newCaches, objectCode, objectWays, rememberObject, WARM } from './fieldCaches';
import { ObjectShapes } from './objectShapes';
import { TraceStore } from './traceStore';
import { cachesOf, TraceShapes } from './traceShapes';
import { TraceStrings } from './traceStrings';

describe('field caches', () => {
  test('a new cache holds no parts; a string makes the string part only', () => {
    const c = newCaches(3);
    expect(c.strings).toBeUndefined();
    expect(c.objects).toBeUndefined();
    const pool = new TraceStrings();
    const x = cachedCode(c, 2, 'director', pool);
    expect(c.strings).toBeDefined();
    expect(c.objects).toBeUndefined();
    expect(x).toBe(pool.code('director'));
    // Met again: the cached code, the pool's code.
    expect(cachedCode(c, 2, 'director', pool)).toBe(x);
    expect(cachedCode(c, 1, 'pkt#7', pool)).toBe(pool.code('pkt#7'));
  });

  test('an object is not found before its part exists, and is after it is remembered', () => {
    const c = newCaches(2);
    const list = [1, 2];
    expect(objectCode(c, 1, list)).toBe(-1);
    expect(c.objects).toBeUndefined();
    rememberObject(objectWays(c), 1, list, 46);
    expect(objectCode(c, 1, list)).toBe(46);
    expect(objectCode(c, 0, list)).toBe(-1);
    expect(objectWays(c).objHints).toEqual(new Int32Array([-1, -1]));
  });

  test('a shape gets caches only once warm, and a key list too', () => {
    const shapes = new TraceShapes();
    const shape = shapes.list[shapes.find('hook', ['host', 'pkt'])]!;
    for (let k = 0; k < WARM; k++) expect(cachesOf(shape)).toBeUndefined();
    const c = cachesOf(shape);
    expect(c?.n).toBe(2);
    expect(cachesOf(shape)).toBe(c);
    const lists = new ObjectShapes();
    const vals: unknown[] = ['x'];
    const id = lists.of({ src: 'a', dst: 'b' }, -1, vals, 1);
    // The values are left where asked, in key order, for the writer.
    expect(vals).toEqual(['x', 'a', 'b']);
    expect(lists.of({ src: 'c', dst: 'd' }, id, vals, 0)).toBe(id);
    expect(vals).toEqual(['c', 'd', 'b']);
    for (let k = 0; k < WARM; k++) expect(lists.cachesOf(id)).toBeUndefined();
    expect(lists.cachesOf(id)?.n).toBe(2);
  });

  test('events read back the same whether their shape was cold or warm', () => {
    const store = new TraceStore<{ kind: string }>();
    const events = Array.from({ length: 3 * WARM }, (_, i) => ({
      kind: 'frame.tx',
      host: ['client', 'director', 'rs1'][i % 3]!,
      id: `frm#${i + 1}`,
      frame: {
        src: '52:54:00:00:01:00',
        dst: i % 2 ? 'ff:ff:ff:ff:ff:ff' : '52:54:00:00:02:00',
        bytes: 60 + i,
      },
      pkt: i % 4 === 0 ? null : `pkt#${i}`,
    }));
    events.forEach((e, i) => store.push(i * 10, e));
    events.forEach((e, i) => expect(store.at(i)).toEqual({ ...e, t: i * 10, seq: i }));
  });
});

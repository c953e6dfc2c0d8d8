/**
 * A shape's field caches make each part when a field first needs it (an ha start's shapes hold
 * strings in most fields and objects in almost none), and give the pool's codes all the same.
 */
import { describe, expect, test } from 'vitest';
import { cachedCode, newCaches, objectCode, objectWays, rememberObject } from './fieldCaches';
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
});

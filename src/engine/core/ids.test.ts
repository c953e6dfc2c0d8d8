/** Ids count per kind, whatever order the kinds are first met in, and kinds named alike share none. */
import { describe, expect, test } from 'vitest';
import { IdSource } from './ids';

describe('IdSource', () => {
  test('one counter per kind, ids and numbers drawing on the same one', () => {
    const ids = new IdSource();
    expect([ids.next('pkt'), ids.next('frm'), ids.next('pkt')]).toEqual(['pkt#1', 'frm#1', 'pkt#2']);
    expect(ids.nextNumber('conn')).toBe(1);
    expect(ids.next('conn')).toBe('conn#2');
    // A kind built at run time (not the literal's string object) finds the same counter.
    expect(ids.next(['p', 'k', 't'].join(''))).toBe('pkt#3');
    expect(ids.next('pk')).toBe('pk#1');
  });

  test('many kinds keep their own counts', () => {
    const ids = new IdSource();
    for (let round = 1; round <= 3; round++)
      for (let k = 0; k < 20; k++) expect(ids.next(`k${k}`)).toBe(`k${k}#${round}`);
  });
});

describe('IdSource past a thousand', () => {
  test('every id reads as its kind and its number, across thousands and numbers drawn between', () => {
    const ids = new IdSource();
    for (let n = 1; n <= 25_000; n++) {
      // Numbers drawn from the same counter skip ids, across a thousand's end now and then.
      if (n % 997 === 0) {
        expect(ids.nextNumber('pkt')).toBe(n);
        continue;
      }
      expect(ids.next('pkt')).toBe(`pkt#${n}`);
    }
    expect(ids.next('frm')).toBe('frm#1');
  });

  test('a jump over a whole thousand by numbers still names the right thousand', () => {
    const ids = new IdSource();
    for (let n = 1; n < 1999; n++) ids.nextNumber('sock');
    expect(ids.next('sock')).toBe('sock#1999');
    for (let n = 0; n < 2000; n++) ids.nextNumber('sock');
    expect(ids.next('sock')).toBe('sock#4000');
    expect(ids.next('sock')).toBe('sock#4001');
  });
});

import { describe, expect, it } from 'vitest';
import { utf8Length } from '../packet/bytes';
import { splitForSegments } from './tcpSplit';

/** The split as it was first written: a character (code point) at a time. */
function reference(data: string, max: number): string[] {
  if (utf8Length(data) <= max) return [data];
  const out: string[] = [];
  let cur = '';
  let curLen = 0;
  for (const ch of data) {
    const l = utf8Length(ch);
    if (curLen + l > max) {
      out.push(cur);
      cur = '';
      curLen = 0;
    }
    cur += ch;
    curLen += l;
  }
  if (cur !== '') out.push(cur);
  return out;
}

describe('splitForSegments', () => {
  it('cuts at the byte limit, never inside a character, and loses nothing', () => {
    const texts = [
      '\0'.repeat(1448 * 3 + 17),
      'a'.repeat(1448),
      'a'.repeat(1449),
      'é'.repeat(1000),
      '中'.repeat(700),
      'x😀'.repeat(600),
      'ab\ud800cd'.repeat(400), // lone high surrogates
      '\udc00z'.repeat(900), // lone low surrogates
      '😀'.repeat(362) + 'a', // a pair across the limit
      '',
    ];
    for (const t of texts)
      for (const max of [4, 5, 7, 1448]) {
        const got = splitForSegments(t, max);
        expect(got).toEqual(reference(t, max));
        expect(got.join('')).toBe(t);
        for (const s of got) expect(utf8Length(s)).toBeLessThanOrEqual(max);
      }
  });

  it('keeps a pair whole where the limit falls between its halves', () => {
    const got = splitForSegments('aaa😀', 5);
    expect(got).toEqual(['aaa', '😀']);
  });
});

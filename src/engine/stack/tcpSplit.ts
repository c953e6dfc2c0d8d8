import { utf8CharBytes, utf8Length } from '../packet/utf8';

/**
 * Split application data into segments of at most `max` UTF-8 bytes, at character boundaries
 * (a surrogate pair stays whole; a lone surrogate counts as U+FFFD's 3 bytes).
 *
 * Each segment is one slice of `data`, not a string grown a character at a time: that made a
 * rope of some 1,448 one-character pieces per segment (tens of kB of garbage for a 1.4 kB
 * segment) that every later length check or comparison walked.
 */
export function splitForSegments(data: string, max: number): string[] {
  if (utf8Length(data) <= max) return [data];
  const out: string[] = [];
  let start = 0;
  let curLen = 0;
  for (let i = 0; i < data.length;) {
    const bytes = utf8CharBytes(data, i);
    if (curLen + bytes > max) {
      out.push(data.slice(start, i));
      start = i;
      curLen = 0;
    }
    curLen += bytes;
    i += bytes === 4 ? 2 : 1;
  }
  if (start < data.length) out.push(data.slice(start));
  return out;
}

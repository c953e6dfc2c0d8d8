import { utf8Length } from '../packet/bytes';

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
  let i = 0;
  while (i < data.length) {
    const c = data.charCodeAt(i);
    let units = 1;
    let bytes: number;
    if (c < 0x80) bytes = 1;
    else if (c < 0x800) bytes = 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(data.charCodeAt(i + 1))) {
      bytes = 4;
      units = 2;
    } else bytes = 3;
    if (curLen + bytes > max) {
      out.push(data.slice(start, i));
      start = i;
      curLen = 0;
    }
    curLen += bytes;
    i += units;
  }
  if (start < data.length) out.push(data.slice(start));
  return out;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

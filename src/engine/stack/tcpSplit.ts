import { utf8Length } from '../packet/bytes';

/** Split application data into segments of at most `max` UTF-8 bytes, at character boundaries. */
export function splitForSegments(data: string, max: number): string[] {
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

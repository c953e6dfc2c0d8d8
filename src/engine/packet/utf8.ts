/**
 * UTF-8 without TextEncoder/TextDecoder (the engine has neither DOM nor Node APIs).
 * Encoding matches TextEncoder: a lone surrogate becomes U+FFFD. Decoding is strict: overlong
 * forms, surrogates, code points above U+10FFFF and truncated sequences make it return
 * undefined, so a caller can fall back to keeping raw bytes.
 */

/**
 * The last text longer than MEMO_MIN measured and its length. A segment's data is measured where
 * it is queued, sent, counted at each hop's frame length and received (some ten times per request
 * for the same string object, which compares by pointer): a memo of a pure function.
 */
const MEMO_MIN = 32;
let lastText = '';
let lastLength = 0;

/** Bytes needed to encode `text` as UTF-8, without encoding it. */
export function utf8Length(text: string): number {
  if (text.length < MEMO_MIN) return countShort(text);
  if (text === lastText) return lastLength;
  const n = countUtf8(text);
  lastText = text;
  lastLength = n;
  return n;
}

/**
 * A character outside ASCII. HTTP heads and bodies are ASCII: V8's regexp scans one ~3x faster
 * than the loop below (measured on a 243-character reply), and then the length is the answer.
 */
const NON_ASCII = /[\u0080-\uffff]/;

function countUtf8(text: string): number {
  return NON_ASCII.test(text) ? countChars(text) : text.length;
}

/**
 * countUtf8 for a short text (most are a segment's empty data: every ACK, SYN and FIN) by a
 * scan of its code units: the regexp's call cost more than the scan.
 */
function countShort(text: string): number {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return countChars(text);
  return text.length;
}

function countChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const b = utf8CharBytes(text, i);
    n += b;
    if (b === 4) i++; // a surrogate pair: two code units
  }
  return n;
}

/**
 * UTF-8 bytes of the character at `text[i]`: 4 for a surrogate pair (it spans `i` and `i + 1`),
 * 3 for the rest of the BMP and for a lone surrogate (written as U+FFFD).
 */
export function utf8CharBytes(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  return c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1)) ? 4 : 3;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Writes `text` as UTF-8 at buf[off]; returns the byte count. */
export function writeUtf8(buf: Uint8Array, off: number, text: string): number {
  let p = off;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      buf[p++] = c;
      continue;
    }
    if (c < 0x800) {
      buf[p++] = 0xc0 | (c >> 6);
      buf[p++] = 0x80 | (c & 0x3f);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (c <= 0xdbff && isLowSurrogate(next)) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        buf[p++] = 0xf0 | (cp >> 18);
        buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
        buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
        buf[p++] = 0x80 | (cp & 0x3f);
        i++;
        continue;
      }
      c = 0xfffd;
    }
    buf[p++] = 0xe0 | (c >> 12);
    buf[p++] = 0x80 | ((c >> 6) & 0x3f);
    buf[p++] = 0x80 | (c & 0x3f);
  }
  return p - off;
}

export function utf8Encode(text: string): Uint8Array {
  const out = new Uint8Array(utf8Length(text));
  writeUtf8(out, 0, text);
  return out;
}

const CHUNK = 4096;

/** Strict decode of bytes[start, end); undefined when the bytes are not well-formed UTF-8. */
export function utf8Decode(bytes: Uint8Array, start = 0, end = bytes.length): string | undefined {
  let out = '';
  const units: number[] = [];
  let i = start;
  while (i < end) {
    const b0 = bytes[i] as number;
    let cp: number;
    let len: number;
    if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      cp = b0 & 0x1f;
      len = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      cp = b0 & 0x0f;
      len = 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      cp = b0 & 0x07;
      len = 4;
    } else return undefined;
    if (i + len > end) return undefined;
    for (let k = 1; k < len; k++) {
      const b = bytes[i + k] as number;
      if ((b & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (len === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return undefined;
    if (len === 4 && (cp < 0x10000 || cp > 0x10ffff)) return undefined;
    if (cp >= 0x10000) {
      units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    } else units.push(cp);
    i += len;
    if (units.length >= CHUNK) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return units.length > 0 ? out + String.fromCharCode(...units) : out;
}

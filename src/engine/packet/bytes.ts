/**
 * Byte plumbing for the codecs: a big-endian writer and reader over Uint8Array, hex and UTF-8
 * conversions (no TextEncoder: the engine runs without DOM or Node APIs), and the Internet
 * checksum of RFC 1071.
 *
 * Errors: the writer and reader throw RangeError on values that do not fit and on reads past
 * the end; hexToBytes throws on malformed hex; utf8Decode returns undefined on malformed UTF-8.
 */
import { writeUtf8 } from './utf8';

/** Big-endian writer into a fixed buffer; the codecs size the buffer exactly before writing. */
export class ByteWriter {
  readonly buf: Uint8Array;
  pos = 0;

  constructor(size: number) {
    this.buf = new Uint8Array(size);
  }

  u8(v: number): void {
    if ((v & 0xff) !== v) throw badValue(v, 'u8', this.pos);
    this.buf[this.pos++] = v;
  }

  u16(v: number): void {
    if ((v & 0xffff) !== v) throw badValue(v, 'u16', this.pos);
    const b = this.buf;
    b[this.pos++] = v >>> 8;
    b[this.pos++] = v & 0xff;
  }

  u32(v: number): void {
    if (v >>> 0 !== v) throw badValue(v, 'u32', this.pos);
    const b = this.buf;
    b[this.pos++] = v >>> 24;
    b[this.pos++] = (v >>> 16) & 0xff;
    b[this.pos++] = (v >>> 8) & 0xff;
    b[this.pos++] = v & 0xff;
  }

  bytes(src: Uint8Array): void {
    this.buf.set(src, this.pos);
    this.pos += src.length;
  }

  hex(hex: string): void {
    this.pos += writeHex(this.buf, this.pos, hex);
  }

  utf8(text: string): void {
    this.pos += writeUtf8(this.buf, this.pos, text);
  }

  zeros(n: number): void {
    this.buf.fill(0, this.pos, this.pos + n);
    this.pos += n;
  }

  /** Overwrites a 16-bit field already written (checksums). */
  patchU16(at: number, v: number): void {
    this.buf[at] = v >>> 8;
    this.buf[at + 1] = v & 0xff;
  }
}

function badValue(v: number, kind: string, pos: number): RangeError {
  return new RangeError(`value ${v} does not fit ${kind} at byte ${pos}`);
}

/** Big-endian reader over bytes[start, end). Reads past `end` throw RangeError('truncated ...'). */
export class ByteReader {
  readonly bytes: Uint8Array;
  pos: number;
  readonly end: number;

  constructor(bytes: Uint8Array, start = 0, end = bytes.length) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): number {
    const at = this.pos;
    if (at + n > this.end) {
      throw new RangeError(`truncated: need ${n} bytes at offset ${at}, have ${this.end - at}`);
    }
    this.pos = at + n;
    return at;
  }

  u8(): number {
    return this.bytes[this.need(1)] as number;
  }

  u16(): number {
    const at = this.need(2);
    const b = this.bytes;
    return ((b[at] as number) << 8) | (b[at + 1] as number);
  }

  u32(): number {
    const at = this.need(4);
    const b = this.bytes;
    return (
      (((b[at] as number) << 24) |
        ((b[at + 1] as number) << 16) |
        ((b[at + 2] as number) << 8) |
        (b[at + 3] as number)) >>>
      0
    );
  }

  /** A view (not a copy) of the next n bytes. */
  bytesView(n: number): Uint8Array {
    const at = this.need(n);
    return this.bytes.subarray(at, at + n);
  }

  hex(n: number): string {
    const at = this.need(n);
    return bytesToHex(this.bytes, at, at + n);
  }

  skip(n: number): void {
    this.need(n);
  }

  /** A reader over the next n bytes; this reader moves past them. */
  sub(n: number): ByteReader {
    const at = this.need(n);
    return new ByteReader(this.bytes, at, at + n);
  }
}

const HEX_PAIRS: string[] = [];
for (let i = 0; i < 256; i++) HEX_PAIRS.push(i.toString(16).padStart(2, '0'));

/** Two lower-case hex digits per byte. */
export function byteHex(b: number): string {
  return HEX_PAIRS[b & 0xff] as string;
}

export function bytesToHex(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  for (let i = start; i < end; i++) out += HEX_PAIRS[bytes[i] as number] as string;
  return out;
}

function hexNibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48; // 0-9
  if (c >= 97 && c <= 102) return c - 87; // a-f
  if (c >= 65 && c <= 70) return c - 55; // A-F
  return -1;
}

/** Writes hex (either case, even length) at buf[off]; returns the byte count. Throws on bad hex. */
export function writeHex(buf: Uint8Array, off: number, hex: string): number {
  const n = hex.length >>> 1;
  if (hex.length !== n * 2) throw new Error(`hex string has odd length ${hex.length}`);
  for (let i = 0; i < n; i++) {
    const hi = hexNibble(hex.charCodeAt(2 * i));
    const lo = hexNibble(hex.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) throw new Error(`invalid hex digit near "${hex.slice(2 * i, 2 * i + 2)}"`);
    buf[off + i] = (hi << 4) | lo;
  }
  return n;
}

export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >>> 1);
  writeHex(out, 0, hex);
  return out;
}

// UTF-8 and the Internet checksum live in their own files; bytes.ts is the one place to import from.
export { utf8Length, writeUtf8, utf8Encode, utf8Decode } from './utf8';
export { sum16, foldChecksum, checksum16, pseudoHeaderSum } from './checksum';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ByteReader,
  ByteWriter,
  bytesToHex,
  checksum16,
  foldChecksum,
  hexToBytes,
  pseudoHeaderSum,
  sum16,
  utf8Decode,
  utf8Encode,
  utf8Length,
} from './bytes';

describe('ByteWriter / ByteReader', () => {
  it('writes big-endian and reads it back', () => {
    const w = new ByteWriter(13);
    w.u8(0xab);
    w.u16(0x1234);
    w.u32(0xdeadbeef);
    w.hex('cafe');
    w.utf8('é');
    w.zeros(2);
    expect(w.pos).toBe(13);
    expect(bytesToHex(w.buf)).toBe('ab1234deadbeefcafec3a90000');
    const r = new ByteReader(w.buf);
    expect([r.u8(), r.u16(), r.u32(), r.hex(2)]).toEqual([0xab, 0x1234, 0xdeadbeef, 'cafe']);
    expect(r.remaining).toBe(4);
    expect(Array.from(r.bytesView(2))).toEqual([0xc3, 0xa9]);
  });

  it('rejects values that do not fit', () => {
    const w = new ByteWriter(8);
    expect(() => w.u8(256)).toThrow(RangeError);
    expect(() => w.u8(-1)).toThrow(/does not fit u8/);
    expect(() => w.u16(0x10000)).toThrow(/u16 at byte 0/);
    expect(() => w.u16(1.5)).toThrow(RangeError);
    expect(() => w.u32(2 ** 32)).toThrow(RangeError);
    expect(() => w.u32(-1)).toThrow(RangeError);
  });

  it('patches a 16-bit field in place', () => {
    const w = new ByteWriter(4);
    w.u32(0);
    w.patchU16(1, 0xbeef);
    expect(bytesToHex(w.buf)).toBe('00beef00');
  });

  it('throws a truncation error past the end and honours sub-ranges', () => {
    const r = new ByteReader(hexToBytes('0102030405'), 1, 4);
    expect(r.u16()).toBe(0x0203);
    expect(() => r.u16()).toThrow(/truncated: need 2 bytes at offset 3, have 1/);
    const outer = new ByteReader(hexToBytes('aabbccdd'));
    const inner = outer.sub(2);
    expect(outer.pos).toBe(2);
    expect(inner.u16()).toBe(0xaabb);
    expect(inner.remaining).toBe(0);
  });

  it('reads u32 values above 2^31 as unsigned', () => {
    expect(new ByteReader(hexToBytes('ffffffff')).u32()).toBe(0xffffffff);
  });
});

describe('hex', () => {
  it('converts both ways, accepting upper case', () => {
    expect(bytesToHex(hexToBytes('00Ff7a'))).toBe('00ff7a');
    expect(bytesToHex(new Uint8Array([1, 2, 3]), 1)).toBe('0203');
  });

  it('rejects odd length and non-hex digits', () => {
    expect(() => hexToBytes('abc')).toThrow(/odd length/);
    expect(() => hexToBytes('zz')).toThrow(/invalid hex/);
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        expect(hexToBytes(bytesToHex(b))).toEqual(b);
      }),
    );
  });
});

describe('utf8', () => {
  it('matches TextEncoder for any string, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ maxLength: 20 }), (a, b) => {
        const s = a + '\ud800' + b; // a lone high surrogate becomes U+FFFD
        const expected = new TextEncoder().encode(s);
        expect(utf8Encode(s)).toEqual(expected);
        expect(utf8Length(s)).toBe(expected.length);
      }),
    );
  });

  it('counts a text all ASCII by its length, and one character past ASCII as two bytes', () => {
    const head = 'HTTP/1.1 200 OK\r\n'.repeat(4);
    expect(utf8Length(head + '\x7f')).toBe(head.length + 1);
    expect(utf8Length(head + '\x80')).toBe(head.length + 2);
    expect(utf8Length('\u00e9' + head)).toBe(head.length + 2);
    expect(utf8Length(head + '\ud83d\ude00')).toBe(head.length + 4);
  });

  it('measures short texts (scanned, not matched by the regexp) as TextEncoder does', () => {
    expect(utf8Length('')).toBe(0);
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 31 }),
        fc.string({
          unit: fc.constantFrom('a', '\x7f', '\x80', '\u07ff', '\u0800', '\ud83d', '\ude00', '\uffff'),
          maxLength: 31,
        }),
        (a, b) => {
          for (const s of [a, b, a.slice(0, 31 - b.length) + b])
            expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('measures long texts met in turn (its memo of the last one) as TextEncoder does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 32, maxLength: 80 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (texts, order) => {
          // The same text again, a different one of the same length, then back.
          for (const i of [0, ...order]) {
            const s = texts[i % texts.length]!;
            expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length);
          }
          const ascii = 'a'.repeat(40);
          const wide = '\u00e9'.repeat(40);
          expect([utf8Length(ascii), utf8Length(wide), utf8Length(ascii)]).toEqual([40, 80, 40]);
        },
      ),
    );
  });

  it('decodes what it encodes (well-formed strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (s) => {
        expect(utf8Decode(utf8Encode(s))).toBe(s);
      }),
    );
  });

  it('agrees with a fatal TextDecoder on arbitrary bytes', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (b) => {
        let expected: string | undefined;
        try {
          expected = fatal.decode(b);
        } catch {
          expected = undefined;
        }
        expect(utf8Decode(b)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects overlong forms, surrogates, out-of-range and truncated sequences', () => {
    for (const hex of ['c0af', 'e080af', 'eda080', 'f4908080', 'e282', 'ff', '80']) {
      expect(utf8Decode(hexToBytes(hex)), hex).toBeUndefined();
    }
    expect(utf8Decode(hexToBytes('f09f9880'))).toBe('😀');
  });

  it('decodes long inputs (chunked string building)', () => {
    const s = 'ab€😀'.repeat(5000);
    expect(utf8Decode(utf8Encode(s))).toBe(s);
  });
});

describe('Internet checksum (RFC 1071)', () => {
  it('gives the RFC 1071 §3 example sum', () => {
    // 00 01 f2 03 f4 f5 f6 f7 sums to 0xddf2, so the checksum is its complement.
    expect(checksum16(hexToBytes('0001f203f4f5f6f7'))).toBe(0x220d);
  });

  it('gives the classic IPv4 header example: b861', () => {
    const header = hexToBytes('450000730000400040110000c0a80001c0a800c7');
    expect(checksum16(header)).toBe(0xb861);
    header[10] = 0xb8;
    header[11] = 0x61;
    expect(checksum16(header)).toBe(0); // verifying a correct header gives 0
  });

  it('pads an odd trailing byte with zero', () => {
    expect(checksum16(hexToBytes('ab'))).toBe(~0xab00 & 0xffff);
  });

  it('treats several chunks as one byte string, whatever their parity', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 9 }), { maxLength: 5 }), (chunks) => {
        const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
        let at = 0;
        for (const c of chunks) {
          all.set(c, at);
          at += c.length;
        }
        expect(checksum16(...chunks)).toBe(checksum16(all));
        expect(foldChecksum(sum16(all, 0, all.length))).toBe(checksum16(all));
      }),
    );
  });

  it('sums a pseudo-header like the bytes it stands for', () => {
    fc.assert(
      fc.property(
        fc.nat(0xffffffff),
        fc.nat(0xffffffff),
        fc.nat(255),
        fc.nat(0xffff),
        (src, dst, proto, len) => {
          const w = new ByteWriter(12);
          w.u32(src);
          w.u32(dst);
          w.u8(0);
          w.u8(proto);
          w.u16(len);
          expect(foldChecksum(pseudoHeaderSum(src, dst, proto, len))).toBe(checksum16(w.buf));
        },
      ),
    );
  });

  it('folds large sums exactly', () => {
    const big = new Uint8Array(200_000).fill(0xff);
    expect(checksum16(big)).toBe(0); // 0xffff words sum to "negative zero"
  });
});

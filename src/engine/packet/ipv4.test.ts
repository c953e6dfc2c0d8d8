import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, bytesToHex, checksum16, hexToBytes } from './bytes';
import { decodeIpv4, encodeIpv4, ipv4HeaderLength, packetLength, readIpv4 } from './ipv4';
import { readIpv4Header } from './ipv4Header';
import { arbIpv4Packet, stripDerived } from './testing/arbitraries';
import { IPPROTO_TCP, IPPROTO_UDP } from './types';
import type { Ipv4Packet } from './types';

/** The classic worked example: 4500 0073 0000 4000 4011 b861 c0a8 0001 c0a8 00c7, 95 bytes of UDP behind it. */
const classic: Ipv4Packet = {
  proto: 'ipv4',
  tos: 0,
  id: 0,
  df: true,
  mf: false,
  fragOffset: 0,
  ttl: 64,
  protocol: IPPROTO_UDP,
  src: '192.168.0.1',
  dst: '192.168.0.199',
  payload: { proto: 'raw', hex: '00'.repeat(0x73 - 20) },
};

describe('IPv4 header', () => {
  it('computes the classic header checksum b861', () => {
    const bytes = encodeIpv4(classic);
    expect(bytesToHex(bytes, 0, 20)).toBe('45000073000040004011b861c0a80001c0a800c7');
    expect(checksum16(bytes.subarray(0, 20))).toBe(0);
    const decoded = decodeIpv4(bytes);
    expect(decoded.checksum).toBe(0xb861);
    expect(decoded.totalLength).toBe(0x73);
    expect(decoded.ihl).toBe(5);
  });

  it('round-trips random packets, with derived fields that match', () => {
    fc.assert(
      fc.property(arbIpv4Packet(), (p) => {
        const bytes = encodeIpv4(p);
        expect(bytes.length).toBe(packetLength(p));
        const d = decodeIpv4(bytes);
        expect(stripDerived(d)).toEqual(p);
        expect(d.totalLength).toBe(bytes.length);
        expect(d.ihl).toBe(ipv4HeaderLength(p) / 4);
        expect(checksum16(bytes.subarray(0, ipv4HeaderLength(p)))).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('writes DF, MF and the fragment offset (bytes in the value, 8-byte units on the wire)', () => {
    const frag: Ipv4Packet = {
      ...classic,
      df: false,
      mf: true,
      fragOffset: 1480,
      payload: { proto: 'raw', hex: 'aa' },
    };
    const bytes = encodeIpv4(frag);
    expect(bytesToHex(bytes, 6, 8)).toBe('20b9'); // MF | 185
    expect(readIpv4Header(bytes, 0, bytes.length)).toMatchObject({ mf: true, df: false, fragOffset: 1480 });
    expect(() => encodeIpv4({ ...frag, fragOffset: 185 })).toThrow(/multiple of 8/);
    expect(() => encodeIpv4({ ...frag, fragOffset: 65536 })).toThrow(RangeError);
  });

  it('keeps fragment payloads raw even when they look like TCP', () => {
    const tcpLike = '0001000200000000000000005002ffff00000000';
    const whole = decodeIpv4(
      encodeIpv4({ ...classic, protocol: IPPROTO_TCP, payload: { proto: 'raw', hex: tcpLike } }),
    );
    expect(whole.payload.proto).toBe('tcp');
    const first = decodeIpv4(
      encodeIpv4({ ...classic, mf: true, protocol: IPPROTO_TCP, payload: { proto: 'raw', hex: tcpLike } }),
    );
    expect(first.payload).toEqual({ proto: 'raw', hex: tcpLike });
  });

  it('pads options to whole words and rejects more than 40 bytes', () => {
    const withOptions = { ...classic, options: '94040000', payload: { proto: 'raw' as const, hex: '' } }; // router alert
    expect(ipv4HeaderLength(withOptions)).toBe(24);
    const d = decodeIpv4(encodeIpv4(withOptions));
    expect(d.ihl).toBe(6);
    expect(d.options).toBe('94040000');
    expect(decodeIpv4(encodeIpv4({ ...withOptions, options: '0101' })).options).toBe('01010000');
    expect(() => encodeIpv4({ ...withOptions, options: '01'.repeat(41) })).toThrow(/more than 40/);
    expect(decodeIpv4(encodeIpv4({ ...withOptions, options: '' })).options).toBeUndefined();
  });

  it('reads only up to the total length (Ethernet padding stays unread)', () => {
    const bytes = encodeIpv4(classic);
    const padded = new Uint8Array(bytes.length + 6);
    padded.set(bytes);
    const r = new ByteReader(padded);
    expect(readIpv4(r)?.totalLength).toBe(bytes.length);
    expect(r.remaining).toBe(6);
  });

  it('returns undefined for what is not an IPv4 packet', () => {
    const good = encodeIpv4(classic);
    const variant = (i: number, v: number): Uint8Array => {
      const b = good.slice();
      b[i] = v;
      return b;
    };
    expect(readIpv4(new ByteReader(variant(0, 0x65)))).toBeUndefined(); // version 6
    expect(readIpv4(new ByteReader(variant(0, 0x44)))).toBeUndefined(); // IHL 4
    expect(readIpv4(new ByteReader(variant(6, 0xc0)))).toBeUndefined(); // reserved flag
    expect(readIpv4(new ByteReader(variant(3, 0x10)))).toBeUndefined(); // total length 16 < header
    expect(readIpv4(new ByteReader(good.subarray(0, 100)))).toBeUndefined(); // truncated
    expect(readIpv4(new ByteReader(good.subarray(0, 19)))).toBeUndefined();
    expect(() => decodeIpv4(good.subarray(0, 100))).toThrow(/not a well-formed IPv4 packet/);
  });

  it('parses a header on its own, leniently about the total length', () => {
    const h = readIpv4Header(hexToBytes('45000073000040004011b861c0a80001c0a800c7'), 0, 20);
    expect(h).toEqual({
      version: 4,
      ihl: 5,
      tos: 0,
      totalLength: 0x73,
      id: 0,
      rf: false,
      df: true,
      mf: false,
      fragOffset: 0,
      ttl: 64,
      protocol: 17,
      checksum: 0xb861,
      src: '192.168.0.1',
      dst: '192.168.0.199',
      options: '',
    });
  });
});

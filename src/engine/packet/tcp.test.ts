import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, bytesToHex, checksum16, hexToBytes } from './bytes';
import { ipv4ToU32 } from './ipv4Address';
import { readTcp, TCP_AE, tcpFlagsText, tcpHeaderLength, tcpLength, writeTcp } from './tcp';
import { arbIpv4, arbTcp, stripDerived } from './testing/arbitraries';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN } from './types';
import type { TcpSegment } from './types';

function encode(seg: TcpSegment, src: string, dst: string): Uint8Array {
  const n = tcpLength(seg);
  const w = new ByteWriter(n);
  writeTcp(w, seg, ipv4ToU32(src), ipv4ToU32(dst), n);
  expect(w.pos).toBe(n);
  return w.buf;
}

/** The checksum by the book: pseudo-header bytes then the segment with a zero checksum field. */
function referenceChecksum(segment: Uint8Array, src: string, dst: string): number {
  const hex32 = (ip: string): string => ipv4ToU32(ip).toString(16).padStart(8, '0');
  const pseudo = hexToBytes(hex32(src) + hex32(dst) + '0006' + segment.length.toString(16).padStart(4, '0'));
  const zeroed = segment.slice();
  zeroed[16] = 0;
  zeroed[17] = 0;
  return checksum16(pseudo, zeroed);
}

// The SYN in fixtures/tcp-syn.pcap, 10.98.77.1 -> 10.98.77.2; Linux computed checksum 0x9be0.
const LINUX_SYN_HEX = 'd1961f9030df901600000000a002faf09be00000020405b40402080a14e43b64000000000103030a';
const linuxSyn: TcpSegment = {
  proto: 'tcp',
  srcPort: 53654,
  dstPort: 8080,
  seq: 819957782,
  ack: 0,
  flags: TCP_SYN,
  window: 64240,
  urgent: 0,
  options: [
    { kind: 'mss', value: 1460 },
    { kind: 'sackOk' },
    { kind: 'ts', val: 350501732, ecr: 0 },
    { kind: 'nop' },
    { kind: 'wscale', shift: 10 },
  ],
  data: '',
};

describe('TCP', () => {
  it('encodes the captured Linux SYN to the same bytes and checksum', () => {
    expect(bytesToHex(encode(linuxSyn, '10.98.77.1', '10.98.77.2'))).toBe(LINUX_SYN_HEX);
    expect(tcpHeaderLength(linuxSyn)).toBe(40);
  });

  it('decodes it with data offset and checksum', () => {
    const seg = readTcp(new ByteReader(hexToBytes(LINUX_SYN_HEX)));
    expect(seg).toEqual({ ...linuxSyn, dataOffset: 10, checksum: 0x9be0 });
  });

  it('checksums over the pseudo-header exactly as the reference definition', () => {
    fc.assert(
      fc.property(arbTcp, arbIpv4, arbIpv4, (seg, src, dst) => {
        const bytes = encode(seg, src, dst);
        expect(((bytes[16] as number) << 8) | (bytes[17] as number)).toBe(referenceChecksum(bytes, src, dst));
        const back = readTcp(new ByteReader(bytes));
        expect(stripDerived(back)).toEqual(seg);
        expect(back?.dataOffset).toBe(tcpHeaderLength(seg) / 4);
      }),
      { numRuns: 300 },
    );
  });

  it('carries data as UTF-8 and changes the checksum with the addresses', () => {
    const psh: TcpSegment = {
      ...linuxSyn,
      flags: TCP_PSH | TCP_ACK,
      options: [],
      data: 'GET / HTTP/1.0\r\n\r\n',
    };
    const a = encode(psh, '10.0.0.1', '10.0.0.2');
    expect(new TextDecoder().decode(a.subarray(20))).toBe(psh.data);
    const b = encode(psh, '10.0.0.1', '10.0.0.3');
    expect(bytesToHex(a, 16, 18)).not.toBe(bytesToHex(b, 16, 18));
  });

  it('keeps the AE bit and reserved bits in flags', () => {
    const seg: TcpSegment = { ...linuxSyn, options: [], flags: TCP_AE | TCP_SYN | TCP_ACK };
    const bytes = encode(seg, '1.1.1.1', '2.2.2.2');
    expect(bytesToHex(bytes, 12, 14)).toBe('5112');
    expect(readTcp(new ByteReader(bytes))?.flags).toBe(0x112);
    expect(() => encode({ ...seg, flags: 0x1000 }, '1.1.1.1', '2.2.2.2')).toThrow(/exceed 12 bits/);
  });

  it('refuses segments it cannot hold exactly', () => {
    const bytes = hexToBytes(LINUX_SYN_HEX);
    const bad = (i: number, v: number): TcpSegment | undefined => {
      const b = bytes.slice();
      b[i] = v;
      return readTcp(new ByteReader(b));
    };
    expect(bad(12, 0x40)).toBeUndefined(); // data offset 4
    expect(bad(12, 0xb0)).toBeUndefined(); // data offset 11 > 40 bytes present
    expect(bad(21, 0x01)).toBeUndefined(); // mss length 1
    expect(readTcp(new ByteReader(bytes.subarray(0, 19)))).toBeUndefined();
    const withData = hexToBytes(LINUX_SYN_HEX + 'c328'); // invalid UTF-8
    expect(readTcp(new ByteReader(withData))).toBeUndefined();
  });

  it('prints flags the way tcpdump does', () => {
    expect(tcpFlagsText(TCP_SYN)).toBe('S');
    expect(tcpFlagsText(TCP_SYN | TCP_ACK)).toBe('S.');
    expect(tcpFlagsText(TCP_PSH | TCP_ACK)).toBe('P.');
    expect(tcpFlagsText(TCP_FIN | TCP_ACK)).toBe('F.');
    expect(tcpFlagsText(TCP_RST)).toBe('R');
    expect(tcpFlagsText(TCP_ACK)).toBe('.');
    expect(tcpFlagsText(0)).toBe('none');
  });
});

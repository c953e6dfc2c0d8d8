import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, bytesToHex, checksum16, hexToBytes } from './bytes';
import { ipv4ToU32 } from './ipv4Address';
import { arbIpv4, arbUdp, stripDerived } from './testing/arbitraries';
import type { UdpDatagram } from './types';
import { readUdp, udpLength, writeUdp } from './udp';

function encode(d: UdpDatagram, src: string, dst: string): Uint8Array {
  const n = udpLength(d);
  const w = new ByteWriter(n);
  writeUdp(w, d, ipv4ToU32(src), ipv4ToU32(dst), n);
  return w.buf;
}

const checksumOf = (b: Uint8Array): number => ((b[6] as number) << 8) | (b[7] as number);

// The datagram in fixtures/udp-icmp.pcap: 10.98.77.1:36482 -> 10.98.77.2:9999 "hello\n", checksum 0x579d by Linux.
const LINUX_HEX = '8e82270f000e579d68656c6c6f0a';
const hello: UdpDatagram = { proto: 'udp', srcPort: 36482, dstPort: 9999, data: 'hello\n' };

describe('UDP', () => {
  it('encodes the captured Linux datagram to the same bytes', () => {
    expect(bytesToHex(encode(hello, '10.98.77.1', '10.98.77.2'))).toBe(LINUX_HEX);
    expect(readUdp(new ByteReader(hexToBytes(LINUX_HEX)))).toEqual({
      ...hello,
      length: 14,
      checksum: 0x579d,
    });
  });

  it('sends a computed checksum of 0 as 0xffff', () => {
    // With source port 0 the checksum is c; adding c to the sum makes it 0xffff, i.e. a checksum of 0.
    const c = checksumOf(encode({ ...hello, srcPort: 0 }, '10.0.0.1', '10.0.0.2'));
    const zeroSum = encode({ ...hello, srcPort: c }, '10.0.0.1', '10.0.0.2');
    expect(checksumOf(zeroSum)).toBe(0xffff);
    const pseudo = hexToBytes('0a0000010a0000020011' + zeroSum.length.toString(16).padStart(4, '0'));
    expect(checksum16(pseudo, zeroSum)).toBe(0); // 0xffff still verifies
  });

  it('round-trips random datagrams with a checksum that verifies', () => {
    fc.assert(
      fc.property(arbUdp, arbIpv4, arbIpv4, (d, src, dst) => {
        const bytes = encode(d, src, dst);
        const len = bytes.length.toString(16).padStart(4, '0');
        const hex32 = (ip: string): string => ipv4ToU32(ip).toString(16).padStart(8, '0');
        expect(checksum16(hexToBytes(hex32(src) + hex32(dst) + '0011' + len), bytes)).toBe(0);
        expect(checksumOf(bytes)).not.toBe(0);
        const back = readUdp(new ByteReader(bytes));
        expect(stripDerived(back)).toEqual(d);
        expect(back?.length).toBe(bytes.length);
      }),
    );
  });

  it('accepts a zero ("none") checksum and refuses a length field that disagrees', () => {
    const none = hexToBytes(LINUX_HEX);
    none[6] = 0;
    none[7] = 0;
    expect(readUdp(new ByteReader(none))?.checksum).toBe(0);
    const longer = hexToBytes(LINUX_HEX + '00');
    expect(readUdp(new ByteReader(longer))).toBeUndefined();
    expect(readUdp(new ByteReader(hexToBytes('8e82270f')))).toBeUndefined();
  });
});

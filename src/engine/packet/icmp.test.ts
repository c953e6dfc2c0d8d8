import { describe, expect, it } from 'vitest';
import { ByteReader, ByteWriter, bytesToHex, hexToBytes } from './bytes';
import { decodeFrame, encodeFrame } from './frame';
import {
  icmpEcho,
  icmpEchoReplyTo,
  icmpErrorFor,
  icmpFragNeeded,
  icmpLength,
  icmpPortUnreachable,
  icmpTtlExceeded,
  isIcmpError,
  readIcmp,
  readIcmpOriginal,
  writeIcmp,
} from './icmp';
import { decodeIpv4, encodeIpv4 } from './ipv4';
import {
  ICMP_DEST_UNREACH,
  ICMP_ECHOREPLY,
  ICMP_FRAG_NEEDED,
  ICMP_PORT_UNREACH,
  ICMP_TIME_EXCEEDED,
  IPPROTO_TCP,
  IPPROTO_UDP,
} from './types';
import type { IcmpMessage, Ipv4Packet } from './types';

function encode(m: IcmpMessage): string {
  const w = new ByteWriter(icmpLength(m));
  writeIcmp(w, m);
  return bytesToHex(w.buf);
}

const decode = (hex: string): IcmpMessage | undefined => readIcmp(new ByteReader(hexToBytes(hex)));

// From fixtures/udp-icmp.pcap (ping -s 4 -p 61626364): Linux's echo request and the reply.
const LINUX_ECHO = '08000e4324f5000161626364';
const LINUX_REPLY = '0000164324f5000161626364';
// The UDP datagram Linux answered with port unreachable, and that ICMP message (it quotes all 34 bytes).
const OFFENDING_HEX = '45000022d23440004011b9cf0a624d010a624d028e82270f000e579d68656c6c6f0a';
const LINUX_PORT_UNREACH = '0303abe300000000' + OFFENDING_HEX;

describe('ICMP echo', () => {
  it('encodes and decodes the captured ping exactly', () => {
    const echo = icmpEcho(0x24f5, 1, 'abcd');
    expect(encode(echo)).toBe(LINUX_ECHO);
    expect(encode(icmpEchoReplyTo(echo))).toBe(LINUX_REPLY);
    expect(decode(LINUX_ECHO)).toEqual({ ...echo, checksum: 0x0e43 });
    expect(decode(LINUX_REPLY)).toMatchObject({
      type: ICMP_ECHOREPLY,
      ident: 0x24f5,
      sequence: 1,
      data: 'abcd',
    });
  });

  it('refuses echo data that is not UTF-8', () => {
    expect(decode('0800000000010001ff')).toBeUndefined();
  });
});

describe('ICMP errors', () => {
  const offending = decodeIpv4(hexToBytes(OFFENDING_HEX));

  it('encode the captured port unreachable exactly', () => {
    const m: IcmpMessage = {
      proto: 'icmp',
      type: ICMP_DEST_UNREACH,
      code: ICMP_PORT_UNREACH,
      mtu: 0,
      original: OFFENDING_HEX,
    };
    expect(encode(m)).toBe(LINUX_PORT_UNREACH);
    expect(decode(LINUX_PORT_UNREACH)).toEqual({ ...m, checksum: 0xabe3 });
  });

  it('quote the IP header plus the first 8 payload bytes (a prefix of what Linux quotes)', () => {
    const original = icmpErrorFor(offending);
    expect(original).toBe(OFFENDING_HEX.slice(0, (20 + 8) * 2));
    const m = icmpPortUnreachable(offending);
    expect(m).toEqual({ proto: 'icmp', type: ICMP_DEST_UNREACH, code: ICMP_PORT_UNREACH, mtu: 0, original });
  });

  it('quote IP options too, and whole packets shorter than header + 8', () => {
    const withOptions: Ipv4Packet = { ...offending, options: '94040000' };
    expect(icmpErrorFor(withOptions).length).toBe((24 + 8) * 2);
    const tiny: Ipv4Packet = { ...offending, protocol: 253, payload: { proto: 'raw', hex: 'abcd' } };
    expect(icmpErrorFor(tiny)).toBe(bytesToHex(encodeIpv4(tiny)));
  });

  it('carry the next-hop MTU in bytes 6-7 for fragmentation needed', () => {
    const m = icmpFragNeeded(offending, 1480);
    expect(m).toMatchObject({ type: ICMP_DEST_UNREACH, code: ICMP_FRAG_NEEDED, mtu: 1480 });
    expect(encode(m).slice(8, 16)).toBe('000005c8');
    expect(decode(encode(m))).toMatchObject({ mtu: 1480, original: icmpErrorFor(offending) });
  });

  it('build time exceeded', () => {
    expect(icmpTtlExceeded(offending)).toMatchObject({ type: ICMP_TIME_EXCEEDED, code: 0, mtu: 0 });
  });

  it('read the quoted header and ports back', () => {
    const q = readIcmpOriginal(icmpErrorFor(offending));
    expect(q?.header).toMatchObject({
      src: '10.98.77.1',
      dst: '10.98.77.2',
      protocol: IPPROTO_UDP,
      totalLength: 34,
    });
    expect(q?.srcPort).toBe(36482);
    expect(q?.dstPort).toBe(9999);
    expect(q?.dataHex).toBe('8e82270f000e579d');
    const later: Ipv4Packet = {
      ...offending,
      protocol: IPPROTO_TCP,
      mf: true,
      fragOffset: 8,
      payload: { proto: 'raw', hex: '0011223344556677' },
    };
    expect(readIcmpOriginal(icmpErrorFor(later))?.srcPort).toBeUndefined(); // not the first fragment
    expect(readIcmpOriginal('6000')).toBeUndefined();
  });

  it('distinguish errors from echoes', () => {
    expect(isIcmpError(icmpPortUnreachable(offending))).toBe(true);
    expect(isIcmpError(icmpEcho(1, 1, ''))).toBe(false);
  });

  it('leave other types and non-zero unused bytes to raw', () => {
    expect(decode('0500000000000000')).toBeUndefined(); // redirect
    expect(decode('0b00000000010000')).toBeUndefined(); // time exceeded, byte 5 set
    expect(decode('0b000000')).toBeUndefined(); // short
  });

  it('travel inside frames with valid checksums', () => {
    const frame = encodeFrame({
      dst: '02:00:0a:62:4d:01',
      src: '02:00:0a:62:4d:02',
      ethertype: 0x0800,
      payload: {
        proto: 'ipv4',
        tos: 0xc0,
        id: 3232,
        df: false,
        mf: false,
        fragOffset: 0,
        ttl: 64,
        protocol: 1,
        src: '10.98.77.2',
        dst: '10.98.77.1',
        payload: decode(LINUX_PORT_UNREACH) as IcmpMessage,
      },
    });
    // The frame Linux sent, from fixtures/udp-icmp.pcap.
    expect(bytesToHex(frame)).toBe(
      '02000a624d0102000a624d02080045c0003e0ca000004001be980a624d020a624d01' + LINUX_PORT_UNREACH,
    );
    expect(decodeFrame(frame).payload).toMatchObject({ payload: { type: ICMP_DEST_UNREACH } });
  });
});

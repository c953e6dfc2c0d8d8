import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arpRequest } from './arp';
import { bytesToHex, hexToBytes } from './bytes';
import { decodeFrame, encodeFrame, frameLength, packetLength, verifyFrame } from './frame';
import { ipv4HeaderLength } from './ipv4';
import { tcpHeaderLength } from './tcp';
import { arbFrame, stripDerived } from './testing/arbitraries';
import { ETH_P_ARP, ETH_P_IP, IPPROTO_TCP, IPPROTO_UDP, TCP_SYN } from './types';
import type { EthernetFrame, Ipv4Packet } from './types';
import { udpLength } from './udp';

const MAC_A = '52:54:00:00:00:0a';
const MAC_B = '52:54:00:00:00:0b';

function udpFrame(data: string): EthernetFrame {
  return {
    dst: MAC_B,
    src: MAC_A,
    ethertype: ETH_P_IP,
    payload: {
      proto: 'ipv4',
      tos: 0,
      id: 1,
      df: true,
      mf: false,
      fragOffset: 0,
      ttl: 64,
      protocol: IPPROTO_UDP,
      src: '10.0.0.1',
      dst: '10.0.0.2',
      payload: { proto: 'udp', srcPort: 1000, dstPort: 53, data },
    },
  };
}

/** Every derived field of a decoded packet matches the value it was encoded from. */
function expectDerived(decoded: Ipv4Packet, original: Ipv4Packet): void {
  expect(decoded.totalLength).toBe(packetLength(original));
  expect(decoded.ihl).toBe(ipv4HeaderLength(original) / 4);
  expect(decoded.checksum).toBeTypeOf('number');
  const [d, o] = [decoded.payload, original.payload];
  if (d.proto === 'tcp' && o.proto === 'tcp') expect(d.dataOffset).toBe(tcpHeaderLength(o) / 4);
  if (d.proto === 'udp' && o.proto === 'udp') expect(d.length).toBe(udpLength(o));
  if (d.proto === 'ipv4' && o.proto === 'ipv4') expectDerived(d, o);
}

describe('encodeFrame / decodeFrame', () => {
  it('round-trips random valid frames, deriving lengths and fresh checksums', () => {
    fc.assert(
      fc.property(arbFrame, (frame) => {
        const bytes = encodeFrame(frame);
        expect(bytes.length).toBe(frameLength(frame));
        expect(bytes.length).toBeGreaterThanOrEqual(60);
        expect(verifyFrame(bytes)).toEqual([]);
        const decoded = decodeFrame(bytes);
        expect(stripDerived(decoded)).toEqual(frame);
        if (decoded.payload.proto === 'ipv4' && frame.payload.proto === 'ipv4') {
          expectDerived(decoded.payload, frame.payload);
        }
        expect(encodeFrame(decoded)).toEqual(bytes); // stale derived fields are ignored
      }),
      { numRuns: 500 },
    );
  });

  it('pads short frames with zeros to 60 bytes and ignores the padding when decoding', () => {
    const frame = udpFrame('hi');
    const bytes = encodeFrame(frame);
    expect(frameLength(frame, false)).toBe(14 + 20 + 8 + 2);
    expect(bytes.length).toBe(60);
    expect(bytesToHex(bytes.subarray(44))).toBe('00'.repeat(16));
    expect(encodeFrame(frame, false)).toEqual(bytes.subarray(0, 44));
    expect(stripDerived(decodeFrame(bytes))).toEqual(frame);
    expect(stripDerived(decodeFrame(bytes.subarray(0, 44)))).toEqual(frame);
  });

  it('does not pad frames of 60 bytes or more', () => {
    const frame = udpFrame('x'.repeat(18)); // 14 + 20 + 8 + 18 = 60
    expect(encodeFrame(frame).length).toBe(60);
    expect(encodeFrame(udpFrame('x'.repeat(19))).length).toBe(61);
  });

  it('ignores checksum and length fields present in the value', () => {
    const frame = udpFrame('hello');
    const bytes = encodeFrame(frame);
    const stale = structuredClone(frame);
    const ip = stale.payload as Ipv4Packet;
    ip.checksum = 0x1234;
    ip.totalLength = 9999;
    ip.ihl = 15;
    if (ip.payload.proto === 'udp') {
      ip.payload.checksum = 1;
      ip.payload.length = 3;
    }
    expect(encodeFrame(stale)).toEqual(bytes);
  });

  it('keeps unknown EtherTypes, VLAN tags and malformed IPv4 as raw, byte for byte', () => {
    const vlan = hexToBytes(`${'ff'.repeat(6)}${'02'.repeat(6)}8100000a0800${'ab'.repeat(46)}`);
    const decoded = decodeFrame(vlan);
    expect(decoded.ethertype).toBe(0x8100);
    expect(decoded.payload).toEqual({ proto: 'raw', hex: bytesToHex(vlan, 14) });
    expect(encodeFrame(decoded)).toEqual(vlan);
    const notIpv4 = hexToBytes(`${'ff'.repeat(6)}${'02'.repeat(6)}0800${'60'.repeat(46)}`); // version 6
    expect(decodeFrame(notIpv4).payload.proto).toBe('raw');
    expect(encodeFrame(decodeFrame(notIpv4))).toEqual(notIpv4);
  });

  it('keeps an IPv4 payload raw when its data is not UTF-8, so the bytes survive', () => {
    const bytes = encodeFrame(udpFrame('abcd'));
    bytes[14 + 28] = 0xff; // first data byte: invalid UTF-8
    const decoded = decodeFrame(bytes);
    const ip = decoded.payload as Ipv4Packet;
    expect(ip.protocol).toBe(IPPROTO_UDP);
    expect(ip.payload.proto).toBe('raw');
    // Raw bytes are opaque: written back verbatim, stale UDP checksum included.
    expect(encodeFrame(decoded)).toEqual(bytes);
    expect(verifyFrame(bytes).map((p) => `${p.layer} ${p.kind}`)).toEqual(['udp badChecksum']);
  });

  it('throws on frames shorter than the Ethernet header', () => {
    expect(() => decodeFrame(new Uint8Array(13))).toThrow(/truncated/);
  });

  it('refuses values whose type fields contradict their payloads', () => {
    const arp: EthernetFrame = {
      dst: MAC_B,
      src: MAC_A,
      ethertype: ETH_P_IP,
      payload: arpRequest(MAC_A, '10.0.0.1', '10.0.0.2'),
    };
    expect(() => encodeFrame(arp)).toThrow(/EtherType 0x800 does not match a arp payload/);
    const ip = udpFrame('x');
    expect(() => encodeFrame({ ...ip, ethertype: ETH_P_ARP })).toThrow(/does not match a ipv4 payload/);
    const wrongProto = structuredClone(ip);
    (wrongProto.payload as Ipv4Packet).protocol = IPPROTO_TCP;
    expect(() => encodeFrame(wrongProto)).toThrow(/protocol 6 does not match a udp payload/);
  });

  it('refuses out-of-range fields and bad addresses', () => {
    const bad = (edit: (p: Ipv4Packet) => void): EthernetFrame => {
      const f = structuredClone(udpFrame('x'));
      edit(f.payload as Ipv4Packet);
      return f;
    };
    expect(() => encodeFrame(bad((p) => (p.ttl = 256)))).toThrow(RangeError);
    expect(() => encodeFrame(bad((p) => (p.src = '10.0.0')))).toThrow(/invalid IPv4 address/);
    expect(() => encodeFrame({ ...udpFrame('x'), dst: '52:54:00' })).toThrow(/invalid MAC address/);
    expect(() => encodeFrame(udpFrame('x'.repeat(65508)))).toThrow(/exceeds 65535/);
  });

  it('survives arbitrary corruption: decode never throws and re-encoding is stable', () => {
    fc.assert(
      fc.property(
        arbFrame,
        fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 4 }),
        (frame, edits) => {
          const bytes = encodeFrame(frame);
          for (const [at, v] of edits) bytes[at % bytes.length] = v;
          const decoded = decodeFrame(bytes);
          const again = encodeFrame(decoded);
          expect(stripDerived(decodeFrame(again))).toEqual(stripDerived(decoded));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('frameLength / packetLength', () => {
  it('agree with the encoded sizes', () => {
    fc.assert(
      fc.property(arbFrame, (frame) => {
        expect(frameLength(frame)).toBe(encodeFrame(frame).length);
        expect(frameLength(frame, false)).toBe(encodeFrame(frame, false).length);
        if (frame.payload.proto === 'ipv4')
          expect(packetLength(frame.payload)).toBe(frameLength(frame, false) - 14);
      }),
    );
  });

  it('count UTF-8 bytes, not UTF-16 units', () => {
    const syn: Ipv4Packet = {
      proto: 'ipv4',
      tos: 0,
      id: 0,
      df: false,
      mf: false,
      fragOffset: 0,
      ttl: 64,
      protocol: IPPROTO_TCP,
      src: '1.1.1.1',
      dst: '2.2.2.2',
      payload: {
        proto: 'tcp',
        srcPort: 1,
        dstPort: 2,
        seq: 0,
        ack: 0,
        flags: TCP_SYN,
        window: 0,
        urgent: 0,
        options: [{ kind: 'mss', value: 1460 }],
        data: 'é😀',
      },
    };
    expect(packetLength(syn)).toBe(20 + 24 + 2 + 4);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, verifyFrame } from './frame';
import { decapsulateIpip, encapsulateIpip, isIpip } from './ipip';
import { packetLength } from './ipv4';
import { arbIpv4Packet, stripDerived } from './testing/arbitraries';
import { ETH_P_IP, IPPROTO_IPIP, IPPROTO_TCP, TCP_SYN } from './types';
import type { Ipv4Packet } from './types';

const inner: Ipv4Packet = {
  proto: 'ipv4',
  tos: 0x10,
  id: 7,
  df: true,
  mf: false,
  fragOffset: 0,
  ttl: 63,
  protocol: IPPROTO_TCP,
  src: '203.0.113.9',
  dst: '192.168.99.188',
  payload: {
    proto: 'tcp',
    srcPort: 40000,
    dstPort: 80,
    seq: 1,
    ack: 0,
    flags: TCP_SYN,
    window: 64240,
    urgent: 0,
    options: [],
    data: '',
  },
};

describe('IPIP', () => {
  it('wraps with protocol 4 and copies TOS, TTL and DF from the inner packet by default', () => {
    const outer = encapsulateIpip(inner, { src: '10.0.0.1', dst: '10.0.0.2' });
    expect(outer).toMatchObject({
      protocol: IPPROTO_IPIP,
      tos: 0x10,
      ttl: 63,
      df: true,
      mf: false,
      id: 0,
      src: '10.0.0.1',
      dst: '10.0.0.2',
    });
    expect(outer.payload).toBe(inner);
    expect(packetLength(outer)).toBe(20 + packetLength(inner));
    const chosen = encapsulateIpip(inner, {
      src: '10.0.0.1',
      dst: '10.0.0.2',
      id: 9,
      ttl: 64,
      tos: 0,
      df: false,
    });
    expect(chosen).toMatchObject({ id: 9, ttl: 64, tos: 0, df: false });
  });

  it('unwraps only IPIP packets', () => {
    const outer = encapsulateIpip(inner, { src: '10.0.0.1', dst: '10.0.0.2' });
    expect(isIpip(outer)).toBe(true);
    expect(decapsulateIpip(outer)).toBe(inner);
    expect(isIpip(inner)).toBe(false);
    expect(decapsulateIpip(inner)).toBeUndefined();
    expect(decapsulateIpip({ ...outer, payload: { proto: 'raw', hex: '' } })).toBeUndefined();
  });

  it('encodes both headers with valid checksums and decodes the nesting', () => {
    const outer = encapsulateIpip(inner, { src: '10.0.0.1', dst: '10.0.0.2', id: 0x1234 });
    const bytes = encodeFrame({
      dst: '52:54:00:00:00:02',
      src: '52:54:00:00:00:01',
      ethertype: ETH_P_IP,
      payload: outer,
    });
    expect(bytes[14 + 9]).toBe(4);
    expect(bytes[14 + 20]).toBe(0x45); // the inner header starts right after the outer one
    expect(verifyFrame(bytes)).toEqual([]);
    const back = decodeFrame(bytes).payload as Ipv4Packet;
    expect(stripDerived(back)).toEqual(outer);
    expect((back.payload as Ipv4Packet).totalLength).toBe(40);
  });

  it('round-trips any inner packet', () => {
    fc.assert(
      fc.property(arbIpv4Packet(0), (p) => {
        const outer = encapsulateIpip(p, { src: '10.0.0.1', dst: '10.0.0.2' });
        const bytes = encodeFrame({
          dst: '52:54:00:00:00:02',
          src: '52:54:00:00:00:01',
          ethertype: ETH_P_IP,
          payload: outer,
        });
        expect(verifyFrame(bytes)).toEqual([]);
        expect(decapsulateIpip(stripDerived(decodeFrame(bytes).payload as Ipv4Packet))).toEqual(p);
      }),
    );
  });

  it('keeps a tunnelled payload raw when the inner length disagrees with the outer', () => {
    const outer = encapsulateIpip(inner, { src: '10.0.0.1', dst: '10.0.0.2' });
    const bytes = encodeFrame({
      dst: '52:54:00:00:00:02',
      src: '52:54:00:00:00:01',
      ethertype: ETH_P_IP,
      payload: outer,
    });
    bytes[14 + 20 + 3] = (bytes[14 + 20 + 3] as number) - 1; // inner total length one short of what the outer carries
    expect((decodeFrame(bytes).payload as Ipv4Packet).payload.proto).toBe('raw');
  });
});

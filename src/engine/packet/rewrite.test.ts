import { describe, expect, test } from 'vitest';
import { decodeIpv4, encodeIpv4 } from './ipv4';
import { withIpv4, withTcpPorts } from './rewrite';
import type { Ipv4Packet, TcpSegment } from './types';

const seg = (): TcpSegment => ({
  proto: 'tcp',
  srcPort: 40000,
  dstPort: 80,
  seq: 1,
  ack: 2,
  flags: 0x18,
  window: 502,
  urgent: 0,
  options: [],
  data: 'GET / HTTP/1.1\r\n',
});

const pkt = (payload: Ipv4Packet['payload']): Ipv4Packet => ({
  proto: 'ipv4',
  tos: 0,
  id: 7,
  df: true,
  mf: false,
  fragOffset: 0,
  ttl: 64,
  protocol: 6,
  src: '10.0.0.1',
  dst: '10.0.0.2',
  payload,
});

/** Keys in order, recursively: what the trace sees of an object besides its values. */
const layout = (x: unknown): unknown =>
  x && typeof x === 'object' && !Array.isArray(x) ? Object.entries(x).map(([k, v]) => [k, layout(v)]) : x;

describe('packet rewrites', () => {
  test('a built header and segment: the same keys, order and values as the spread they replace', () => {
    const p = pkt(seg());
    const s = p.payload as TcpSegment;
    const ports = withTcpPorts(s, s.srcPort, 8080);
    expect(layout(ports)).toEqual(layout({ ...s, dstPort: 8080 }));
    const after = withIpv4(p, p.ttl - 1, p.src, '192.168.0.3', ports);
    expect(layout(after)).toEqual(
      layout({ ...p, ttl: 63, dst: '192.168.0.3', payload: { ...s, dstPort: 8080 } }),
    );
    // The source is never written.
    expect(layout(p)).toEqual(layout(pkt(seg())));
  });

  test('a decoded packet (length, checksum, options) is copied whole, extra fields in place', () => {
    const built = { ...pkt(seg()), options: '01010101' };
    const decoded = decodeIpv4(encodeIpv4(built));
    expect(decoded.totalLength).toBeDefined();
    const s = decoded.payload as TcpSegment;
    expect(s.checksum).toBeDefined();
    const ports = withTcpPorts(s, 1234, s.dstPort);
    expect(layout(ports)).toEqual(layout({ ...s, srcPort: 1234 }));
    const after = withIpv4(decoded, decoded.ttl, '10.9.9.9', decoded.dst, ports);
    expect(layout(after)).toEqual(layout({ ...decoded, src: '10.9.9.9', payload: { ...s, srcPort: 1234 } }));
    // Options alone are enough to take the spread.
    const withOpts = withIpv4(built, 1, built.src, built.dst, built.payload);
    expect(layout(withOpts)).toEqual(layout({ ...built, ttl: 1 }));
  });
});

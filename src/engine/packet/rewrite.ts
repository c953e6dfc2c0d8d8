import type { Ipv4, Ipv4Packet, TcpSegment } from './types';

/**
 * Rewritten copies of a packet's header and TCP segment for the per-packet rewriters (IPVS's NAT
 * and TTL copies, ip_forward). An object spread's copy costs a clone IC whose source shapes vary;
 * a literal of the fields costs a plain allocation. The copy must keep the source's keys in their
 * order (the trace shows them): every header and segment the stack builds has exactly the fields
 * below in this order, so the literal is used for those, and any other (a decoded packet with
 * its length, checksum or options) is spread as before.
 */
export function withIpv4(
  p: Ipv4Packet,
  ttl: number,
  src: Ipv4,
  dst: Ipv4,
  payload: Ipv4Packet['payload'],
): Ipv4Packet {
  if (
    p.options !== undefined ||
    p.totalLength !== undefined ||
    p.checksum !== undefined ||
    p.ihl !== undefined
  )
    return { ...p, ttl, src, dst, payload };
  return {
    proto: 'ipv4',
    tos: p.tos,
    id: p.id,
    df: p.df,
    mf: p.mf,
    fragOffset: p.fragOffset,
    ttl,
    protocol: p.protocol,
    src,
    dst,
    payload,
  };
}

/** A copy of TCP segment `s` with other ports (the same rule as withIpv4: a literal for a built segment). */
export function withTcpPorts(s: TcpSegment, srcPort: number, dstPort: number): TcpSegment {
  if (s.dataOffset !== undefined || s.checksum !== undefined) return { ...s, srcPort, dstPort };
  return {
    proto: 'tcp',
    srcPort,
    dstPort,
    seq: s.seq,
    ack: s.ack,
    flags: s.flags,
    window: s.window,
    urgent: s.urgent,
    options: s.options,
    data: s.data,
  };
}

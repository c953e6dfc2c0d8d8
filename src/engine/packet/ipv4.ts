/**
 * The IPv4 packet codec (RFC 791): header with fresh checksum, then the payload (TCP, UDP,
 * ICMP, an inner IPv4 packet for IPIP, or raw bytes).
 *
 * Field conventions: `fragOffset` is in bytes (a multiple of 8; the wire field is that / 8),
 * `options` is hex padded with zero bytes (end-of-options) to a multiple of 4 on encode.
 * Encoding throws when the value cannot be sent: protocol not matching the payload kind, a
 * field out of range, bad addresses, more than 40 option bytes or 65535 bytes in all.
 * Fragments (MF set or offset > 0) carry raw payloads: only the whole datagram has a
 * TCP/UDP/ICMP header.
 */
import { ByteReader, ByteWriter, bytesToHex, foldChecksum, sum16 } from './bytes';
import { icmpLength, readIcmp, writeIcmp } from './icmpCodec';
import { ipv4ToU32 } from './ipv4Address';
import { IP_DF, IP_MF, IPV4_HLEN, readIpv4Header } from './ipv4Header';
import { readTcp, tcpLength, writeTcp } from './tcp';
import { IPPROTO_ICMP, IPPROTO_IPIP, IPPROTO_TCP, IPPROTO_UDP } from './types';
import type { Ipv4Packet } from './types';
import { readUdp, udpLength, writeUdp } from './udp';

export const IP_MAX_PACKET = 0xffff;
const MAX_OPTIONS_HEX = 80;

type Payload = Ipv4Packet['payload'];

const PROTOCOL_OF: Record<Exclude<Payload['proto'], 'raw'>, number> = {
  tcp: IPPROTO_TCP,
  udp: IPPROTO_UDP,
  icmp: IPPROTO_ICMP,
  ipv4: IPPROTO_IPIP,
};

/** Header bytes: 20 plus the options padded to a multiple of 4 (the IHL times 4). */
export function ipv4HeaderLength(p: Ipv4Packet): number {
  const hex = p.options ?? '';
  if (hex.length > MAX_OPTIONS_HEX)
    throw new RangeError(`IPv4 options take ${hex.length / 2} bytes, more than 40`);
  return IPV4_HLEN + (((hex.length >>> 1) + 3) & ~3);
}

function payloadLength(payload: Payload): number {
  switch (payload.proto) {
    case 'tcp':
      return tcpLength(payload);
    case 'udp':
      return udpLength(payload);
    case 'icmp':
      return icmpLength(payload);
    case 'ipv4':
      return packetLength(payload);
    case 'raw':
      return payload.hex.length >>> 1;
  }
}

/** The IP total length: header plus payload, without encoding. */
export function packetLength(p: Ipv4Packet): number {
  return ipv4HeaderLength(p) + payloadLength(p.payload);
}

/** Writes the packet at w.pos; the writer must have packetLength(p) bytes left. */
export function writeIpv4(w: ByteWriter, p: Ipv4Packet): void {
  const start = w.pos;
  const headerLength = ipv4HeaderLength(p);
  const bodyLength = payloadLength(p.payload);
  const total = headerLength + bodyLength;
  if (total > IP_MAX_PACKET) throw new RangeError(`IPv4 packet of ${total} bytes exceeds 65535`);
  const kind = p.payload.proto;
  if (kind !== 'raw' && PROTOCOL_OF[kind] !== p.protocol) {
    throw new Error(
      `IPv4 protocol ${p.protocol} does not match a ${kind} payload (want ${PROTOCOL_OF[kind]})`,
    );
  }
  if (p.fragOffset % 8 !== 0 || p.fragOffset < 0 || p.fragOffset > 0xfff8) {
    throw new RangeError(`IPv4 fragOffset ${p.fragOffset} must be a multiple of 8 bytes in 0..65528`);
  }
  const src = ipv4ToU32(p.src);
  const dst = ipv4ToU32(p.dst);
  w.u8(0x40 | (headerLength >>> 2));
  w.u8(p.tos);
  w.u16(total);
  w.u16(p.id);
  w.u16((p.df ? IP_DF : 0) | (p.mf ? IP_MF : 0) | (p.fragOffset >>> 3));
  w.u8(p.ttl);
  w.u8(p.protocol);
  w.u16(0); // checksum, patched below
  w.u32(src);
  w.u32(dst);
  const options = p.options ?? '';
  w.hex(options);
  w.zeros(headerLength - IPV4_HLEN - (options.length >>> 1));
  w.patchU16(start + 10, foldChecksum(sum16(w.buf, start, start + headerLength)));
  writePayload(w, p.payload, src, dst, bodyLength);
}

function writePayload(w: ByteWriter, payload: Payload, src: number, dst: number, length: number): void {
  switch (payload.proto) {
    case 'tcp':
      return writeTcp(w, payload, src, dst, length);
    case 'udp':
      return writeUdp(w, payload, src, dst, length);
    case 'icmp':
      return writeIcmp(w, payload);
    case 'ipv4':
      return writeIpv4(w, payload);
    case 'raw':
      return w.hex(payload.hex);
  }
}

/**
 * Reads one packet, bounded by its total length (bytes after it, such as Ethernet padding, are
 * left unread). Undefined when the bytes are not an IPv4 packet Ipv4Packet can hold: wrong
 * version, IHL < 5, reserved flag set, total length shorter than the header or longer than the
 * bytes available. A payload that the L4 readers cannot hold exactly becomes raw.
 */
export function readIpv4(r: ByteReader): Ipv4Packet | undefined {
  const start = r.pos;
  const h = readIpv4Header(r.bytes, start, r.end);
  if (h === undefined || h.rf) return undefined;
  const headerEnd = start + h.ihl * 4;
  const end = start + h.totalLength;
  if (end < headerEnd || end > r.end) return undefined;
  const body = new ByteReader(r.bytes, headerEnd, end);
  const fragment = h.mf || h.fragOffset > 0;
  const payload = (fragment ? undefined : readPayload(h.protocol, body)) ?? {
    proto: 'raw',
    hex: bytesToHex(r.bytes, headerEnd, end),
  };
  r.pos = end;
  const p: Ipv4Packet = {
    proto: 'ipv4',
    tos: h.tos,
    id: h.id,
    df: h.df,
    mf: h.mf,
    fragOffset: h.fragOffset,
    ttl: h.ttl,
    protocol: h.protocol,
    src: h.src,
    dst: h.dst,
    payload,
    totalLength: h.totalLength,
    checksum: h.checksum,
    ihl: h.ihl,
  };
  if (h.options !== '') p.options = h.options;
  return p;
}

function readPayload(protocol: number, body: ByteReader): Payload | undefined {
  switch (protocol) {
    case IPPROTO_TCP:
      return readTcp(body);
    case IPPROTO_UDP:
      return readUdp(body);
    case IPPROTO_ICMP:
      return readIcmp(body);
    case IPPROTO_IPIP: {
      const inner = readIpv4(body);
      return inner !== undefined && body.remaining === 0 ? inner : undefined;
    }
    default:
      return undefined;
  }
}

/** Encodes one packet into fresh bytes (checksums computed). */
export function encodeIpv4(p: Ipv4Packet): Uint8Array {
  const w = new ByteWriter(packetLength(p));
  writeIpv4(w, p);
  return w.buf;
}

/** Decodes one packet from bytes[start...]; throws when the bytes are not an IPv4 packet (see readIpv4). */
export function decodeIpv4(bytes: Uint8Array, start = 0): Ipv4Packet {
  const p = readIpv4(new ByteReader(bytes, start));
  if (p === undefined) throw new Error('not a well-formed IPv4 packet');
  return p;
}

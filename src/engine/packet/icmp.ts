/**
 * ICMP: message constructors, and the codec re-exported from icmpCodec.ts.
 *
 * Error messages about a packet: destination unreachable (port unreachable, fragmentation
 * needed with the next-hop MTU) and time exceeded. They quote the offending packet as RFC 792
 * asks: its IP header (options included) plus the first 8 bytes of its payload, enough for the
 * sender (or IPVS, ip_vs_in_icmp) to find the connection by addresses and ports.
 * (Linux quotes up to 576 bytes in all; the lab keeps the RFC minimum, which is what the
 * receiving code relies on.)
 */
import { bytesToHex, hexToBytes } from './bytes';
import { encodeIpv4, ipv4HeaderLength } from './ipv4';
import { readIpv4Header } from './ipv4Header';
import type { Ipv4Header } from './ipv4Header';
import {
  ICMP_DEST_UNREACH,
  ICMP_ECHO,
  ICMP_ECHOREPLY,
  ICMP_FRAG_NEEDED,
  ICMP_PORT_UNREACH,
  ICMP_TIME_EXCEEDED,
  IPPROTO_TCP,
  IPPROTO_UDP,
} from './types';
import type { IcmpEchoMessage, IcmpErrorMessage } from './icmpCodec';
import type { Ipv4Packet } from './types';

export { ICMP_HLEN, icmpLength, isIcmpError, readIcmp, writeIcmp } from './icmpCodec';
export type { IcmpEchoMessage, IcmpErrorMessage } from './icmpCodec';

/** Payload bytes of the offending packet that an ICMP error quotes. */
export const ICMP_QUOTED_DATA = 8;

/**
 * The `original` hex for an error about `packet`: its header plus the first 8 payload bytes,
 * or up to `maxBytes` in all when given (Linux's icmp_send quotes up to 548).
 */
export function icmpErrorFor(packet: Ipv4Packet, maxBytes?: number): string {
  const bytes = encodeIpv4(packet);
  const limit = maxBytes ?? ipv4HeaderLength(packet) + ICMP_QUOTED_DATA;
  return bytesToHex(bytes, 0, Math.min(bytes.length, limit));
}

/** A destination unreachable or time exceeded message quoting `offending`. */
export function icmpError(
  type: typeof ICMP_DEST_UNREACH | typeof ICMP_TIME_EXCEEDED,
  code: number,
  offending: Ipv4Packet,
  mtu = 0,
): IcmpErrorMessage {
  return { proto: 'icmp', type, code, mtu, original: icmpErrorFor(offending) };
}

/** Type 3 code 3: what a host sends for a UDP datagram to a closed port. */
export function icmpPortUnreachable(offending: Ipv4Packet): IcmpErrorMessage {
  return icmpError(ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, offending);
}

/** Type 3 code 4: the packet has DF set and exceeds the next hop's MTU. */
export function icmpFragNeeded(offending: Ipv4Packet, nextHopMtu: number): IcmpErrorMessage {
  return icmpError(ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, offending, nextHopMtu);
}

/** Type 11 code 0: TTL reached zero in transit. */
export function icmpTtlExceeded(offending: Ipv4Packet): IcmpErrorMessage {
  return icmpError(ICMP_TIME_EXCEEDED, 0, offending);
}

export interface IcmpOriginal {
  header: Ipv4Header;
  /** Quoted payload bytes (normally 8) as hex. */
  dataHex: string;
  /** For TCP/UDP first fragments: the quoted ports. */
  srcPort?: number;
  dstPort?: number;
}

/** Reads an error's `original` back; undefined when it does not start with an IPv4 header. */
export function readIcmpOriginal(original: string): IcmpOriginal | undefined {
  const bytes = hexToBytes(original);
  const header = readIpv4Header(bytes, 0, bytes.length);
  if (header === undefined) return undefined;
  const dataStart = header.ihl * 4;
  const out: IcmpOriginal = { header, dataHex: bytesToHex(bytes, dataStart) };
  const hasPorts = header.protocol === IPPROTO_TCP || header.protocol === IPPROTO_UDP;
  if (hasPorts && header.fragOffset === 0 && bytes.length >= dataStart + 4) {
    out.srcPort = ((bytes[dataStart] as number) << 8) | (bytes[dataStart + 1] as number);
    out.dstPort = ((bytes[dataStart + 2] as number) << 8) | (bytes[dataStart + 3] as number);
  }
  return out;
}

/** An echo request, as `ping` sends it. */
export function icmpEcho(ident: number, sequence: number, data: string): IcmpEchoMessage {
  return { proto: 'icmp', type: ICMP_ECHO, code: 0, ident, sequence, data };
}

/** The reply to an echo request: same ident, sequence and data. */
export function icmpEchoReplyTo(request: { ident: number; sequence: number; data: string }): IcmpEchoMessage {
  return {
    proto: 'icmp',
    type: ICMP_ECHOREPLY,
    code: 0,
    ident: request.ident,
    sequence: request.sequence,
    data: request.data,
  };
}

/**
 * The fixed part of the IPv4 header (RFC 791 §3.1) read on its own, without the payload:
 * what the packet decoder, verifyFrame and the ICMP-error helpers share. Lenient about the
 * total length (an ICMP error quotes only the header and 8 bytes of a longer packet).
 */
import { bytesToHex } from './bytes';
import { readIpv4Address } from './ipv4Address';
import type { Ipv4 } from './types';

export const IPV4_HLEN = 20;
/** Flag bits and offset mask of the 16-bit fragment field. */
export const IP_RF = 0x8000;
export const IP_DF = 0x4000;
export const IP_MF = 0x2000;
export const IP_OFFMASK = 0x1fff;

export interface Ipv4Header {
  version: number;
  /** Header length in 32-bit words. */
  ihl: number;
  tos: number;
  totalLength: number;
  id: number;
  /** The reserved ("evil") bit, which Ipv4Packet cannot hold. */
  rf: boolean;
  df: boolean;
  mf: boolean;
  /** In bytes (the wire field times 8). */
  fragOffset: number;
  ttl: number;
  protocol: number;
  checksum: number;
  src: Ipv4;
  dst: Ipv4;
  /** Option bytes as hex; '' when none. */
  options: string;
}

/**
 * Reads the header at bytes[start]; undefined unless the version is 4, IHL >= 5 and the whole
 * header (options included) lies before `end`. Does not look at the total length or checksum.
 */
export function readIpv4Header(bytes: Uint8Array, start: number, end: number): Ipv4Header | undefined {
  if (end - start < IPV4_HLEN) return undefined;
  const b0 = bytes[start] as number;
  const ihl = b0 & 0x0f;
  if (b0 >>> 4 !== 4 || ihl < 5 || start + ihl * 4 > end) return undefined;
  const frag = u16(bytes, start + 6);
  return {
    version: 4,
    ihl,
    tos: bytes[start + 1] as number,
    totalLength: u16(bytes, start + 2),
    id: u16(bytes, start + 4),
    rf: (frag & IP_RF) !== 0,
    df: (frag & IP_DF) !== 0,
    mf: (frag & IP_MF) !== 0,
    fragOffset: (frag & IP_OFFMASK) * 8,
    ttl: bytes[start + 8] as number,
    protocol: bytes[start + 9] as number,
    checksum: u16(bytes, start + 10),
    src: readIpv4Address(bytes, start + 12),
    dst: readIpv4Address(bytes, start + 16),
    options: bytesToHex(bytes, start + IPV4_HLEN, start + ihl * 4),
  };
}

function u16(b: Uint8Array, i: number): number {
  return ((b[i] as number) << 8) | (b[i + 1] as number);
}

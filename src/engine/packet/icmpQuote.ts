/**
 * The packet an ICMP error quotes, read and rewritten as bytes: what IPVS needs to find a
 * connection by the quoted header (ip_vs_in_icmp / ip_vs_out_icmp), to look inside a quoted
 * IPIP packet, and to translate a quote back to the VIP (ip_vs_nat_icmp).
 */
import { bytesToHex, checksum16, hexToBytes } from './bytes';
import { writeIpv4Address } from './ipv4Address';
import { readIpv4Header } from './ipv4Header';
import type { Ipv4Header } from './ipv4Header';
import { IPPROTO_TCP, IPPROTO_UDP } from './types';
import type { Ipv4 } from './types';

/** Linux's icmp_send quotes up to 576 − 20 − 8 bytes of the offending packet. */
export const ICMP_LINUX_QUOTE = 548;

export interface Quote {
  header: Ipv4Header;
  /** Offset of the quoted L4 header (the IP header's length). */
  l4: number;
  /** The quoted ports, for a TCP or UDP first fragment that quotes them. */
  sport?: number;
  dport?: number;
  bytes: Uint8Array;
}

/** Reads a quote (hex); undefined when it does not start with an IPv4 header. */
export function readQuote(hex: string): Quote | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined;
  const bytes = hexToBytes(hex);
  const header = readIpv4Header(bytes, 0, bytes.length);
  if (!header) return undefined;
  const l4 = header.ihl * 4;
  const q: Quote = { header, l4, bytes };
  const ported = header.protocol === IPPROTO_TCP || header.protocol === IPPROTO_UDP;
  if (ported && header.fragOffset === 0 && bytes.length >= l4 + 4) {
    q.sport = (bytes[l4]! << 8) | bytes[l4 + 1]!;
    q.dport = (bytes[l4 + 2]! << 8) | bytes[l4 + 3]!;
  }
  return q;
}

/** The quote of the inner packet of a quoted IPIP packet (what follows the outer header). */
export function innerQuote(q: Quote): Quote | undefined {
  return readQuote(bytesToHex(q.bytes, q.l4));
}

export interface QuoteRewrite {
  src?: Ipv4;
  dst?: Ipv4;
  sport?: number;
  dport?: number;
}

/** Rewrites the quoted addresses and ports; the quoted IP header checksum is recomputed (ip_send_check). */
export function rewriteQuote(q: Quote, r: QuoteRewrite): string {
  const b = q.bytes.slice();
  if (r.src !== undefined) writeIpv4Address(b, 12, r.src);
  if (r.dst !== undefined) writeIpv4Address(b, 16, r.dst);
  if (q.sport !== undefined && r.sport !== undefined) {
    b[q.l4] = r.sport >>> 8;
    b[q.l4 + 1] = r.sport & 0xff;
  }
  if (q.dport !== undefined && r.dport !== undefined) {
    b[q.l4 + 2] = r.dport >>> 8;
    b[q.l4 + 3] = r.dport & 0xff;
  }
  b[10] = 0;
  b[11] = 0;
  const sum = checksum16(b.subarray(0, q.l4));
  b[10] = sum >>> 8;
  b[11] = sum & 0xff;
  return bytesToHex(b);
}

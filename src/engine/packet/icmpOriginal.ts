import type { Ipv4 } from './types';

/** What an ICMP error quotes of the offending packet: enough to find the socket it belongs to. */
export interface IcmpQuote {
  protocol: number;
  src: Ipv4;
  dst: Ipv4;
  /** TCP/UDP ports when the quote holds them. */
  srcPort?: number;
  dstPort?: number;
  /** TCP sequence number (first 8 bytes of a TCP header hold it). */
  seq?: number;
}

/** Parse the quoted IP header + 8 bytes of an ICMP error (hex, as IcmpMessage.original holds it). */
export function decodeIcmpOriginal(hex: string): IcmpQuote | undefined {
  if (hex.length < 40) return undefined;
  const byte = (i: number): number => parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  const ihl = (byte(0) & 0x0f) * 4;
  if (ihl < 20 || hex.length < ihl * 2) return undefined;
  const ip = (o: number): Ipv4 => `${byte(o)}.${byte(o + 1)}.${byte(o + 2)}.${byte(o + 3)}`;
  const q: IcmpQuote = { protocol: byte(9), src: ip(12), dst: ip(16) };
  if (hex.length >= (ihl + 4) * 2 && (q.protocol === 6 || q.protocol === 17)) {
    q.srcPort = (byte(ihl) << 8) | byte(ihl + 1);
    q.dstPort = (byte(ihl + 2) << 8) | byte(ihl + 3);
    if (q.protocol === 6 && hex.length >= (ihl + 8) * 2) {
      q.seq = ((byte(ihl + 4) << 24) | (byte(ihl + 5) << 16) | (byte(ihl + 6) << 8) | byte(ihl + 7)) >>> 0;
    }
  }
  return q;
}

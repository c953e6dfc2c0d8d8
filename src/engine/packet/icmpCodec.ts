/**
 * The ICMP wire codec (RFC 792) for the messages the lab uses: echo and echo reply (ident,
 * sequence, data), destination unreachable and time exceeded (4 bytes of which the last two
 * carry the next-hop MTU for "fragmentation needed", RFC 1191, then the offending packet's
 * start as hex). Other types are not IcmpMessages; the IPv4 decoder keeps them raw.
 * Separate from icmp.ts so that ipv4.ts can use it while icmp.ts uses ipv4.ts.
 */
import type { ByteReader, ByteWriter } from './bytes';
import { bytesToHex, foldChecksum, sum16, utf8Decode, utf8Length } from './bytes';
import { ICMP_DEST_UNREACH, ICMP_ECHO, ICMP_ECHOREPLY, ICMP_TIME_EXCEEDED } from './types';
import type { IcmpMessage } from './types';

export const ICMP_HLEN = 8;

export type IcmpEchoMessage = Extract<IcmpMessage, { data: string }>;
export type IcmpErrorMessage = Extract<IcmpMessage, { original: string }>;

/** Destination unreachable or time exceeded (the union does not narrow on `type` alone). */
export function isIcmpError(m: IcmpMessage): m is IcmpErrorMessage {
  return 'original' in m;
}

export function icmpLength(m: IcmpMessage): number {
  return ICMP_HLEN + (isIcmpError(m) ? m.original.length >>> 1 : utf8Length(m.data));
}

/** Writes the message and fills in its checksum (over the whole ICMP message, no pseudo-header). */
export function writeIcmp(w: ByteWriter, m: IcmpMessage): void {
  const start = w.pos;
  w.u8(m.type);
  w.u8(m.code);
  w.u16(0); // checksum, patched below
  if (isIcmpError(m)) {
    w.u16(0);
    w.u16(m.mtu);
    w.hex(m.original);
  } else {
    w.u16(m.ident);
    w.u16(m.sequence);
    w.utf8(m.data);
  }
  w.patchU16(start + 2, foldChecksum(sum16(w.buf, start, w.pos)));
}

/**
 * Reads a whole message (the reader's remaining bytes). Undefined for other types, for error
 * messages whose unused bytes 4-5 are not zero, and for echo data that is not UTF-8.
 */
export function readIcmp(r: ByteReader): IcmpMessage | undefined {
  const start = r.pos;
  const end = r.end;
  if (end - start < ICMP_HLEN) return undefined;
  const type = r.u8();
  const code = r.u8();
  const checksum = r.u16();
  const word1 = r.u16();
  const word2 = r.u16();
  if (type === ICMP_ECHO || type === ICMP_ECHOREPLY) {
    const data = utf8Decode(r.bytes, r.pos, end);
    if (data === undefined) return undefined;
    r.pos = end;
    return { proto: 'icmp', type, code, ident: word1, sequence: word2, data, checksum };
  }
  if ((type === ICMP_DEST_UNREACH || type === ICMP_TIME_EXCEEDED) && word1 === 0) {
    const original = bytesToHex(r.bytes, r.pos, end);
    r.pos = end;
    return { proto: 'icmp', type, code, mtu: word2, original, checksum };
  }
  return undefined;
}

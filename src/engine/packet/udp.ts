/**
 * The UDP header (RFC 768): ports, length (header plus data), checksum over the IPv4
 * pseudo-header. A computed checksum of 0 is sent as 0xffff, because 0 on the wire means
 * "no checksum" (allowed over IPv4; decoding accepts it and reports checksum 0).
 */
import type { ByteReader, ByteWriter } from './bytes';
import { foldChecksum, pseudoHeaderSum, sum16, utf8Decode, utf8Length } from './bytes';
import { IPPROTO_UDP } from './types';
import type { UdpDatagram } from './types';

export const UDP_HLEN = 8;

export function udpLength(d: UdpDatagram): number {
  return UDP_HLEN + utf8Length(d.data);
}

/** Writes the datagram; `src`/`dst` are the IPv4 addresses as u32, `length` is udpLength(d). */
export function writeUdp(w: ByteWriter, d: UdpDatagram, src: number, dst: number, length: number): void {
  const start = w.pos;
  w.u16(d.srcPort);
  w.u16(d.dstPort);
  w.u16(length);
  w.u16(0); // checksum, patched below
  w.utf8(d.data);
  const sum = foldChecksum(
    sum16(w.buf, start, start + length, pseudoHeaderSum(src, dst, IPPROTO_UDP, length)),
  );
  w.patchU16(start + 6, sum === 0 ? 0xffff : sum);
}

/**
 * Reads a whole datagram (the reader's remaining bytes). Undefined when the length field
 * disagrees with the bytes available or the data is not UTF-8; the caller keeps them raw.
 */
export function readUdp(r: ByteReader): UdpDatagram | undefined {
  const start = r.pos;
  const end = r.end;
  if (end - start < UDP_HLEN) return undefined;
  const srcPort = r.u16();
  const dstPort = r.u16();
  const length = r.u16();
  const checksum = r.u16();
  if (length !== end - start) return undefined;
  const data = utf8Decode(r.bytes, start + UDP_HLEN, end);
  if (data === undefined) return undefined;
  r.pos = end;
  return { proto: 'udp', srcPort, dstPort, data, length, checksum };
}

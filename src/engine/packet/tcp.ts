/**
 * The TCP header (RFC 9293 §3.1). `flags` holds the 8 classic flag bits plus, above them, the
 * low 4 bits of byte 12 (reserved bits and AE/NS at 0x100), so any header round-trips.
 * The checksum covers the IPv4 pseudo-header, header and data; it is always computed afresh.
 */
import type { ByteReader, ByteWriter } from './bytes';
import { foldChecksum, pseudoHeaderSum, sum16, utf8Decode, utf8Length } from './bytes';
import { readTcpOptions, tcpOptionsLength, writeTcpOptions } from './tcpOptions';
import { IPPROTO_TCP } from './types';
import type { TcpSegment } from './types';

export const TCP_HLEN = 20;
/** Accurate ECN (AE), formerly NS: the bit just above CWR. */
export const TCP_AE = 0x100;

export function tcpHeaderLength(seg: TcpSegment): number {
  return TCP_HLEN + tcpOptionsLength(seg.options);
}

/** Header plus data, in bytes. */
export function tcpLength(seg: TcpSegment): number {
  return tcpHeaderLength(seg) + utf8Length(seg.data);
}

/**
 * Writes the segment at w.pos and fills in its checksum. `src`/`dst` are the IPv4 addresses
 * as u32 (pseudo-header); `length` must be tcpLength(seg), which the caller already knows.
 */
export function writeTcp(w: ByteWriter, seg: TcpSegment, src: number, dst: number, length: number): void {
  const start = w.pos;
  const optionsLength = tcpOptionsLength(seg.options);
  if ((seg.flags & 0xfff) !== seg.flags)
    throw new RangeError(`TCP flags 0x${seg.flags.toString(16)} exceed 12 bits`);
  w.u16(seg.srcPort);
  w.u16(seg.dstPort);
  w.u32(seg.seq);
  w.u32(seg.ack);
  w.u8((((TCP_HLEN + optionsLength) >>> 2) << 4) | (seg.flags >>> 8));
  w.u8(seg.flags & 0xff);
  w.u16(seg.window);
  w.u16(0); // checksum, patched below
  w.u16(seg.urgent);
  writeTcpOptions(w, seg.options, optionsLength);
  w.utf8(seg.data);
  const sum = sum16(w.buf, start, start + length, pseudoHeaderSum(src, dst, IPPROTO_TCP, length));
  w.patchU16(start + 16, foldChecksum(sum));
}

/**
 * Reads a whole segment (the reader's remaining bytes). Undefined when it cannot be held
 * exactly by a TcpSegment: short header, bad data offset, malformed options, or data that is
 * not UTF-8. The caller then keeps the bytes raw.
 */
export function readTcp(r: ByteReader): TcpSegment | undefined {
  const start = r.pos;
  const end = r.end;
  if (end - start < TCP_HLEN) return undefined;
  const b = r.bytes;
  const srcPort = r.u16();
  const dstPort = r.u16();
  const seq = r.u32();
  const ack = r.u32();
  const byte12 = r.u8();
  const flags = ((byte12 & 0x0f) << 8) | r.u8();
  const window = r.u16();
  const checksum = r.u16();
  const urgent = r.u16();
  const dataOffset = byte12 >>> 4;
  const headerEnd = start + dataOffset * 4;
  if (dataOffset < 5 || headerEnd > end) return undefined;
  const options = readTcpOptions(b, start + TCP_HLEN, headerEnd);
  if (options === undefined) return undefined;
  const data = utf8Decode(b, headerEnd, end);
  if (data === undefined) return undefined;
  r.pos = end;
  return {
    proto: 'tcp',
    srcPort,
    dstPort,
    seq,
    ack,
    flags,
    window,
    urgent,
    options,
    data,
    dataOffset,
    checksum,
  };
}

const FLAG_LETTERS: [number, string][] = [
  [0x01, 'F'],
  [0x02, 'S'],
  [0x04, 'R'],
  [0x08, 'P'],
  [0x10, '.'],
  [0x20, 'U'],
  [0x40, 'E'],
  [0x80, 'W'],
  [TCP_AE, 'e'],
];

/** Flags as tcpdump prints them: "S", "S.", "P.", "F.", "R."; "none" when no flag is set. */
export function tcpFlagsText(flags: number): string {
  let out = '';
  for (const [bit, letter] of FLAG_LETTERS) if (flags & bit) out += letter;
  return out === '' ? 'none' : out;
}

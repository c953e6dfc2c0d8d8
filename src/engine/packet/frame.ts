/**
 * Whole Ethernet frames: structured value <-> bytes on the wire (without FCS).
 *
 * Encoding computes every length and checksum afresh (fields such as `checksum` in the value
 * are ignored) and zero-pads to the 60-byte minimum as a NIC does on the wire. RawPayload
 * bytes are opaque and written verbatim, whatever checksums they contain. Decoding
 * bounds an IPv4 packet by its total length, so padding is dropped, and keeps whatever it
 * cannot represent exactly (unknown EtherTypes or protocols, malformed headers, non-UTF-8
 * data) as a RawPayload, so decode then encode gives back the same bytes (checksums
 * recomputed). verifyFrame lists what is wrong with captured bytes.
 */
import { ByteReader, ByteWriter, bytesToHex } from './bytes';
import { ARP_LEN, readArp, writeArp } from './arp';
import { ETH_HLEN, ETH_ZLEN, readEthernetHeader, writeEthernetHeader } from './ethernet';
import { packetLength, readIpv4, writeIpv4 } from './ipv4';
import { ETH_P_ARP, ETH_P_IP } from './types';
import type { EthernetFrame } from './types';

export { packetLength } from './ipv4';
export { verifyFrame } from './verifyFrame';
export type { FrameProblem } from './verifyFrame';

function payloadLength(frame: EthernetFrame): number {
  const p = frame.payload;
  switch (p.proto) {
    case 'arp':
      return ARP_LEN;
    case 'ipv4':
      return packetLength(p);
    case 'raw':
      return p.hex.length >>> 1;
  }
}

/**
 * Bytes on the wire without FCS, computed without encoding: padded to 60 by default, or the
 * unpadded length (what tcpdump on the sending host reports) with padded = false.
 */
export function frameLength(frame: EthernetFrame, padded = true): number {
  const n = ETH_HLEN + payloadLength(frame);
  return padded && n < ETH_ZLEN ? ETH_ZLEN : n;
}

/**
 * Encodes a frame; throws when the EtherType does not match the payload kind or any field is
 * out of range (see the codecs). `pad = false` omits the zero padding to 60 bytes.
 */
export function encodeFrame(frame: EthernetFrame, pad = true): Uint8Array {
  const p = frame.payload;
  const want = p.proto === 'arp' ? ETH_P_ARP : p.proto === 'ipv4' ? ETH_P_IP : frame.ethertype;
  if (frame.ethertype !== want) {
    throw new Error(`EtherType 0x${frame.ethertype.toString(16)} does not match a ${p.proto} payload`);
  }
  const n = ETH_HLEN + payloadLength(frame);
  const w = new ByteWriter(pad && n < ETH_ZLEN ? ETH_ZLEN : n);
  writeEthernetHeader(w, frame.dst, frame.src, frame.ethertype);
  if (p.proto === 'arp') writeArp(w, p);
  else if (p.proto === 'ipv4') writeIpv4(w, p);
  else w.hex(p.hex);
  return w.buf;
}

/** Decodes a frame; throws RangeError when shorter than the 14-byte Ethernet header. */
export function decodeFrame(bytes: Uint8Array): EthernetFrame {
  const r = new ByteReader(bytes);
  const { dst, src, ethertype } = readEthernetHeader(r);
  const payload =
    (ethertype === ETH_P_IP ? readIpv4(r) : ethertype === ETH_P_ARP ? readArp(r) : undefined) ??
    ({ proto: 'raw', hex: bytesToHex(bytes, ETH_HLEN) } as const);
  return { dst, src, ethertype, payload };
}

/**
 * The Ethernet II header: destination MAC, source MAC, EtherType. No FCS: like tcpdump and
 * pcap files we never see the trailing CRC. frame.ts puts a payload behind it.
 */
import type { ByteReader, ByteWriter } from './bytes';
import { formatMac, writeMac } from './mac';
import type { Mac } from './types';

/** Header length (ETH_HLEN in <linux/if_ether.h>). */
export const ETH_HLEN = 14;
/** Minimum frame length without FCS (ETH_ZLEN): shorter frames are zero-padded on the wire. */
export const ETH_ZLEN = 60;
/** EtherType values below this are 802.3 length fields, not protocol numbers. */
export const ETH_P_802_3_MIN = 0x0600;

export interface EthernetHeader {
  dst: Mac;
  src: Mac;
  ethertype: number;
}

export function writeEthernetHeader(w: ByteWriter, dst: Mac, src: Mac, ethertype: number): void {
  writeMac(w.buf, w.pos, dst);
  writeMac(w.buf, w.pos + 6, src);
  w.pos += 12;
  w.u16(ethertype);
}

/** Reads the 14-byte header; throws RangeError('truncated ...') when fewer bytes remain. */
export function readEthernetHeader(r: ByteReader): EthernetHeader {
  const at = r.pos;
  r.skip(12);
  const dst = formatMac(r.bytes, at);
  const src = formatMac(r.bytes, at + 6);
  return { dst, src, ethertype: r.u16() };
}

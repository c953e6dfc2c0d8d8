/**
 * ARP for IPv4 over Ethernet (RFC 826): 28 bytes, normally hardware type 1 and protocol type
 * 0x0800. Hardware/protocol address lengths must be 6 and 4 (the only shapes ArpPacket can
 * hold); other lengths are not ArpPackets and frame.ts keeps them raw.
 */
import type { ByteReader, ByteWriter } from './bytes';
import { readIpv4Address, writeIpv4Address } from './ipv4Address';
import { formatMac, writeMac } from './mac';
import { ARPOP_REPLY, ARPOP_REQUEST, ETH_P_IP, ZERO_MAC } from './types';
import type { ArpPacket, Ipv4, Mac } from './types';

export const ARP_LEN = 28;
export const ARPHRD_ETHER = 1;

export function writeArp(w: ByteWriter, p: ArpPacket): void {
  w.u16(p.htype);
  w.u16(p.ptype);
  w.u8(6);
  w.u8(4);
  w.u16(p.op);
  const b = w.buf;
  const at = w.pos;
  writeMac(b, at, p.sha);
  writeIpv4Address(b, at + 6, p.spa);
  writeMac(b, at + 10, p.tha);
  writeIpv4Address(b, at + 16, p.tpa);
  w.pos = at + 20;
}

/**
 * Reads an Ethernet/IPv4 ARP packet from the reader's next 28 bytes (trailing bytes, such as
 * Ethernet padding, are left unread). Undefined when too short or not Ethernet/IPv4 ARP.
 */
export function readArp(r: ByteReader): ArpPacket | undefined {
  if (r.remaining < ARP_LEN) return undefined;
  const at = r.pos;
  const b = r.bytes;
  const htype = r.u16();
  const ptype = r.u16();
  const hlen = r.u8();
  const plen = r.u8();
  if (hlen !== 6 || plen !== 4) {
    r.pos = at;
    return undefined;
  }
  const op = r.u16();
  r.skip(20);
  return {
    proto: 'arp',
    htype,
    ptype,
    op,
    sha: formatMac(b, at + 8),
    spa: readIpv4Address(b, at + 14),
    tha: formatMac(b, at + 18),
    tpa: readIpv4Address(b, at + 24),
  };
}

/** "Who has tpa? Tell spa": the request Linux broadcasts, target hardware address zero. */
export function arpRequest(sha: Mac, spa: Ipv4, tpa: Ipv4): ArpPacket {
  return {
    proto: 'arp',
    htype: ARPHRD_ETHER,
    ptype: ETH_P_IP,
    op: ARPOP_REQUEST,
    sha,
    spa,
    tha: ZERO_MAC,
    tpa,
  };
}

/** "spa is at sha", sent back to the asker (tha/tpa). */
export function arpReply(sha: Mac, spa: Ipv4, tha: Mac, tpa: Ipv4): ArpPacket {
  return { proto: 'arp', htype: ARPHRD_ETHER, ptype: ETH_P_IP, op: ARPOP_REPLY, sha, spa, tha, tpa };
}

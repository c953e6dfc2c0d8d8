/**
 * VRRP version 2 advertisements (RFC 3768 §5; keepalived 1.3.5 vrrp_build_vrrp_v2): an 8-byte
 * header, the virtual addresses, then 8 bytes of authentication data. The message rides in an
 * IPv4 packet of protocol 112 as a raw payload, so every other codec and the pcap writer carry
 * its bytes untouched; this module is the only one that reads or writes them.
 */
import { bytesToHex, checksum16, hexToBytes } from './bytes';
import { readIpv4Address, writeIpv4Address } from './ipv4Address';
import type { Ipv4, Ipv4Packet } from './types';

export const IPPROTO_VRRP = 112;
export const VRRP_GROUP: Ipv4 = '224.0.0.18';
/** TOS keepalived sets on adverts (IPTOS_PREC_INTERNETCONTROL). */
export const VRRP_TOS = 0xc0;
export const VRRP_TTL = 255;
export const VRRP_AUTH_NONE = 0;
export const VRRP_AUTH_PASS = 1;
export const VRRP_AUTH_AH = 2;

export interface VrrpAdvert {
  version: number;
  /** 1 = ADVERTISEMENT. */
  type: number;
  vrid: number;
  /** 0 = the master is stopping. */
  priority: number;
  authType: number;
  /** Seconds. */
  adverInt: number;
  addrs: Ipv4[];
  /** The password as text (up to 8 bytes, zero padded on the wire). */
  authPass: string;
  /** Present on decoded adverts. */
  checksum?: number;
  checksumOk?: boolean;
}

const HDR = 8;
const AUTH_LEN = 8;

export function encodeVrrp(a: VrrpAdvert): Uint8Array {
  const buf = new Uint8Array(HDR + 4 * a.addrs.length + AUTH_LEN);
  buf[0] = ((a.version & 0xf) << 4) | (a.type & 0xf);
  buf[1] = a.vrid & 0xff;
  buf[2] = a.priority & 0xff;
  buf[3] = a.addrs.length & 0xff;
  buf[4] = a.authType & 0xff;
  buf[5] = a.adverInt & 0xff;
  a.addrs.forEach((ip, i) => writeIpv4Address(buf, HDR + 4 * i, ip));
  const auth = HDR + 4 * a.addrs.length;
  // PASS carries the password; keepalived also fills the field only then.
  if (a.authType === VRRP_AUTH_PASS)
    for (let i = 0; i < Math.min(AUTH_LEN, a.authPass.length); i++)
      buf[auth + i] = a.authPass.charCodeAt(i) & 0xff;
  const sum = checksum16(buf);
  buf[6] = sum >>> 8;
  buf[7] = sum & 0xff;
  return buf;
}

/** Decodes an advert; undefined when shorter than its header and address list say. */
export function decodeVrrp(bytes: Uint8Array): VrrpAdvert | undefined {
  if (bytes.length < HDR) return undefined;
  const naddr = bytes[3]!;
  if (bytes.length < HDR + 4 * naddr) return undefined;
  const addrs: Ipv4[] = [];
  for (let i = 0; i < naddr; i++) addrs.push(readIpv4Address(bytes, HDR + 4 * i));
  const auth = HDR + 4 * naddr;
  let authPass = '';
  for (let i = auth; i < Math.min(bytes.length, auth + AUTH_LEN) && bytes[i] !== 0; i++)
    authPass += String.fromCharCode(bytes[i]!);
  return {
    version: bytes[0]! >>> 4,
    type: bytes[0]! & 0xf,
    vrid: bytes[1]!,
    priority: bytes[2]!,
    authType: bytes[4]!,
    adverInt: bytes[5]!,
    addrs,
    authPass,
    checksum: (bytes[6]! << 8) | bytes[7]!,
    checksumOk: checksum16(bytes) === 0,
  };
}

/** The IPv4 packet keepalived sends (vrrp_build_ip4): TOS 0xc0, TTL 255, protocol 112, to 224.0.0.18. */
export function vrrpPacket(src: Ipv4, id: number, advert: VrrpAdvert, dst: Ipv4 = VRRP_GROUP): Ipv4Packet {
  return {
    proto: 'ipv4',
    tos: VRRP_TOS,
    id: id & 0xffff,
    df: false,
    mf: false,
    fragOffset: 0,
    ttl: VRRP_TTL,
    protocol: IPPROTO_VRRP,
    src,
    dst,
    payload: { proto: 'raw', hex: bytesToHex(encodeVrrp(advert)) },
  };
}

/** The advert inside a packet, when it is one. */
export function vrrpOf(p: Ipv4Packet): VrrpAdvert | undefined {
  if (p.protocol !== IPPROTO_VRRP || p.payload.proto !== 'raw') return undefined;
  return decodeVrrp(hexToBytes(p.payload.hex));
}

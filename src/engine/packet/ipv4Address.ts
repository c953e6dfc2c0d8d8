/**
 * IPv4 addresses: strict dotted quads <-> unsigned 32-bit numbers, prefixes and masks, and the
 * special ranges.
 *
 * Parsing follows inet_pton(AF_INET), not inet_aton: exactly four decimal parts 0..255 with no
 * leading zeros, signs or spaces. So "10.1" (which inet_aton reads as 10.0.0.1) and "010.0.0.1"
 * (octal to inet_aton) are rejected.
 *
 * Errors: `parseIpv4`, `parseCidr` and `maskToPrefix` return undefined on bad input;
 * `ipv4ToU32` and `writeIpv4Address` throw an Error naming the bad text (a bad address inside a
 * packet value is a caller bug); `prefixMask` throws RangeError outside 0..32.
 * Every u32 here is unsigned (0 .. 2^32-1).
 */
import type { Ipv4 } from './types';

/** Strict dotted quad -> u32, or undefined. */
export function parseIpv4(text: string): number | undefined {
  const n = text.length;
  if (n < 7 || n > 15) return undefined;
  let value = 0;
  let part = 0;
  let digits = 0;
  let parts = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 46; // a virtual '.' closes the last part
    if (c === 46) {
      if (digits === 0 || part > 255) return undefined;
      value = value * 256 + part;
      parts++;
      part = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return undefined; // leading zero
      part = part * 10 + (c - 48);
      if (++digits > 3) return undefined;
    } else return undefined;
  }
  return parts === 4 ? value : undefined;
}

export function isValidIpv4(text: string): boolean {
  return parseIpv4(text) !== undefined;
}

/** Like parseIpv4 but throws on bad input. */
export function ipv4ToU32(ip: Ipv4): number {
  const v = parseIpv4(ip);
  if (v === undefined) throw new Error(`invalid IPv4 address "${ip}" (want a dotted quad like 10.0.0.1)`);
  return v;
}

export function u32ToIpv4(n: number): Ipv4 {
  return `${n >>> 24}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}`;
}

export function writeIpv4Address(buf: Uint8Array, off: number, ip: Ipv4): void {
  const v = ipv4ToU32(ip);
  buf[off] = v >>> 24;
  buf[off + 1] = (v >>> 16) & 0xff;
  buf[off + 2] = (v >>> 8) & 0xff;
  buf[off + 3] = v & 0xff;
}

export function readIpv4Address(bytes: Uint8Array, off: number): Ipv4 {
  return `${bytes[off] as number}.${bytes[off + 1] as number}.${bytes[off + 2] as number}.${bytes[off + 3] as number}`;
}

/** The netmask of a prefix length as u32: 24 -> 0xffffff00. */
export function prefixMask(len: number): number {
  if (!Number.isInteger(len) || len < 0 || len > 32)
    throw new RangeError(`prefix length ${len} not in 0..32`);
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

/** The prefix length of a contiguous dotted netmask ("255.255.255.0" -> 24), or undefined. */
export function maskToPrefix(mask: Ipv4): number | undefined {
  const m = parseIpv4(mask);
  if (m === undefined) return undefined;
  for (let len = 0; len <= 32; len++) if (prefixMask(len) === m) return len;
  return undefined;
}

/** "10.0.0.0/24" -> {addr, len}; a bare address means /32. Host bits may be set (as `ip addr`). */
export function parseCidr(text: string): { addr: Ipv4; len: number } | undefined {
  const slash = text.indexOf('/');
  const addrText = slash < 0 ? text : text.slice(0, slash);
  if (parseIpv4(addrText) === undefined) return undefined;
  if (slash < 0) return { addr: addrText, len: 32 };
  const lenText = text.slice(slash + 1);
  if (!/^(?:[0-9]|[12][0-9]|3[0-2])$/.test(lenText)) return undefined;
  return { addr: addrText, len: Number(lenText) };
}

export function networkAddress(ip: Ipv4, len: number): Ipv4 {
  return u32ToIpv4((ipv4ToU32(ip) & prefixMask(len)) >>> 0);
}

/** The directed broadcast address of ip/len (all host bits set). */
export function broadcastAddress(ip: Ipv4, len: number): Ipv4 {
  return u32ToIpv4((ipv4ToU32(ip) | ~prefixMask(len)) >>> 0);
}

/** Whether `ip` lies in net/len (host bits of `net` are ignored). */
export function inPrefix(ip: Ipv4, net: Ipv4, len: number): boolean {
  const mask = prefixMask(len);
  return ((ipv4ToU32(ip) ^ ipv4ToU32(net)) & mask) === 0;
}

/** 224.0.0.0/4 (class D). */
export function isMulticast(ip: Ipv4): boolean {
  return ipv4ToU32(ip) >>> 28 === 0xe;
}

/** The limited broadcast 255.255.255.255; with a prefix length, also that subnet's directed broadcast. */
export function isBroadcast(ip: Ipv4, len?: number): boolean {
  const v = ipv4ToU32(ip);
  if (v === 0xffffffff) return true;
  if (len === undefined || len >= 31) return false; // /31 and /32 have no broadcast (RFC 3021)
  const hostBits = ~prefixMask(len) >>> 0;
  return (v & hostBits) >>> 0 === hostBits;
}

/** 127.0.0.0/8. */
export function isLoopback(ip: Ipv4): boolean {
  return ipv4ToU32(ip) >>> 24 === 127;
}

/** 0.0.0.0, INADDR_ANY. */
export function isUnspecified(ip: Ipv4): boolean {
  return ipv4ToU32(ip) === 0;
}

import type { Ipv4 } from '../packet/types';

/**
 * Hot-path IPv4 arithmetic for routing and ARP: dotted quads are parsed once and cached,
 * since the same few addresses are looked up millions of times.
 */
const cache = new Map<string, number>();

export function ipNum(ip: Ipv4): number {
  let n = cache.get(ip);
  if (n === undefined) {
    const p = ip.split('.');
    n = ((Number(p[0]) << 24) | (Number(p[1]) << 16) | (Number(p[2]) << 8) | Number(p[3])) >>> 0;
    if (cache.size < 65536) cache.set(ip, n);
  }
  return n;
}

export function numIp(n: number): Ipv4 {
  return `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

export function maskOf(prefix: number): number {
  return prefix <= 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function inSubnet(ip: Ipv4, net: Ipv4, prefix: number): boolean {
  const m = maskOf(prefix);
  return (ipNum(ip) & m) >>> 0 === (ipNum(net) & m) >>> 0;
}

export function networkOf(ip: Ipv4, prefix: number): Ipv4 {
  return numIp((ipNum(ip) & maskOf(prefix)) >>> 0);
}

export function broadcastOf(ip: Ipv4, prefix: number): Ipv4 {
  return numIp((ipNum(ip) | ~maskOf(prefix)) >>> 0);
}

export function isLoopback(ip: Ipv4): boolean {
  return ip.startsWith('127.');
}

export function isMulticast(ip: Ipv4): boolean {
  // The first octet read from the text when it is 1–3 digits and a dot (ipOutput asks per packet
  // sent, and ipNum's cache lookup cost more); anything else as ipNum reads it.
  let a = 0;
  let i = 0;
  for (; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57 || i >= 3) return firstOctetMulticast(ip);
    a = a * 10 + (c - 48);
  }
  if (i === 0 || i === ip.length) return firstOctetMulticast(ip);
  return a >= 224 && a <= 239;
}

function firstOctetMulticast(ip: Ipv4): boolean {
  const a = ipNum(ip) >>> 24;
  return a >= 224 && a <= 239;
}

export function isZeronet(ip: Ipv4): boolean {
  return ip.startsWith('0.');
}

/** ip_eth_mc_map: 01:00:5e plus the group's low 23 bits. */
export function multicastMac(group: Ipv4): string {
  const n = ipNum(group);
  const b = [(n >>> 16) & 0x7f, (n >>> 8) & 0xff, n & 0xff];
  return `01:00:5e:${b.map((x) => x.toString(16).padStart(2, '0')).join(':')}`;
}

export const LIMITED_BROADCAST: Ipv4 = '255.255.255.255';

/**
 * Address parsing the way each family of tools does it. iproute2 and net-tools/ping/curl accept
 * different spellings of the same address, and students meet both, so the lab keeps both:
 * - iproute2's get_addr_ipv4: up to four base-0 parts, missing parts are zero ("10" = 10.0.0.0);
 * - inet_aton (net-tools, ping, curl via getaddrinfo): "10.1" = 10.0.0.1, "010" is octal.
 */
import { u32ToIpv4 } from '../../../packet/ipv4Address';
import type { Ipv4 } from '../../../packet/types';

/** strtoul(s, &end, 0) on the start of `s`: the value and what it left, or undefined (no digits). */
export function strtoulBase0(s: string): { value: number; rest: string } | undefined {
  const m = /^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(s);
  if (!m) return undefined;
  const t = m[1] ?? '';
  const value = /^0[xX]/.test(t)
    ? parseInt(t.slice(2), 16)
    : t.length > 1 && t.startsWith('0')
      ? parseInt(t, 8)
      : Number(t);
  return { value, rest: s.slice(t.length) };
}

/** iproute2 get_addr_ipv4. */
export function parseIprouteAddr(text: string): Ipv4 | undefined {
  const parts = [0, 0, 0, 0];
  let cp = text;
  for (let i = 0; i < 4; i++) {
    const r = strtoulBase0(cp);
    if (!r || r.value > 255) return undefined;
    parts[i] = r.value;
    if (r.rest === '') return parts.join('.');
    if (i === 3 || !r.rest.startsWith('.')) return undefined;
    cp = r.rest.slice(1);
  }
  return undefined;
}

/** iproute2 get_prefix for AF_INET: ADDR[/LEN], bare address is /32; "default"/"any"/"all" is 0/0. */
export function parseIproutePrefix(text: string): { addr: Ipv4; len: number; lenGiven: boolean } | undefined {
  if (text === 'default' || text === 'any' || text === 'all')
    return { addr: '0.0.0.0', len: 0, lenGiven: true };
  const slash = text.indexOf('/');
  const addr = parseIprouteAddr(slash < 0 ? text : text.slice(0, slash));
  if (addr === undefined) return undefined;
  if (slash < 0) return { addr, len: 32, lenGiven: false };
  const lenText = text.slice(slash + 1);
  // get_netmask: a plain number 0..32, or a dotted netmask.
  if (/^[0-9]+$/.test(lenText) && Number(lenText) <= 32)
    return { addr, len: Number(lenText), lenGiven: true };
  const mask = parseIprouteAddr(lenText);
  const len = mask === undefined ? undefined : maskPrefix(mask);
  return len === undefined ? undefined : { addr, len, lenGiven: true };
}

/** inet_aton: one to four base-0 parts (a, a.b, a.b.c, a.b.c.d), the last filling the rest. */
export function inetAton(text: string): Ipv4 | undefined {
  // A plain dotted quad (every curl of an address) is its own canonical form: no parts to make.
  return isDottedQuad(text) ? text : inetAtonParsed(text);
}

/** inet_aton's parse, part by part (exported for the test that proves the shortcut above). */
export function inetAtonParsed(text: string): Ipv4 | undefined {
  const parts: number[] = [];
  let cp = text;
  for (;;) {
    const r = strtoulBase0(cp);
    if (!r || r.value > 0xffffffff) return undefined;
    parts.push(r.value);
    if (r.rest === '') break;
    if (!r.rest.startsWith('.') || parts.length === 4) return undefined;
    cp = r.rest.slice(1);
  }
  const last = parts[parts.length - 1] ?? 0;
  const lead = parts.slice(0, -1);
  if (lead.some((p) => p > 255)) return undefined;
  const lastBits = 32 - 8 * lead.length;
  if (lastBits < 32 && last >= 2 ** lastBits) return undefined;
  let v = 0;
  for (const p of lead) v = v * 256 + p;
  return u32ToIpv4(v * 2 ** lastBits + last);
}

/** Prefix length of a contiguous netmask, or undefined. */
export function maskPrefix(mask: Ipv4): number | undefined {
  const n = ipU32(mask);
  for (let len = 0; len <= 32; len++) if (prefixU32(len) === n) return len;
  return undefined;
}

export function prefixU32(len: number): number {
  return len <= 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

export function prefixMaskText(len: number): Ipv4 {
  return u32ToIpv4(prefixU32(len));
}

export function ipU32(ip: Ipv4): number {
  const p = ip.split('.').map(Number);
  return (((p[0] ?? 0) << 24) | ((p[1] ?? 0) << 16) | ((p[2] ?? 0) << 8) | (p[3] ?? 0)) >>> 0;
}

/** The kernel's inet_abc_len: classful prefix (ifconfig without a netmask); -1 for class D/E. */
export function classfulPrefix(ip: Ipv4): number {
  const a = ipU32(ip) >>> 24;
  if (a === 0) return 0;
  if (a < 128) return 8;
  if (a < 192) return 16;
  if (a < 224) return 24;
  return -1;
}

/** Strict dotted quad (as URL hosts and tcpdump filters take them). */
export function isDottedQuad(text: string): boolean {
  return /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(text);
}

/**
 * Checks captured frame bytes the way a receiving stack (or Wireshark with checksum validation
 * on) would: truncation, header and length fields, and the IPv4, TCP, UDP and ICMP checksums,
 * also inside IPIP. Works on the bytes alone, so it catches what decodeFrame would smooth over.
 */
import { foldChecksum, pseudoHeaderSum, sum16 } from './checksum';
import { ARP_LEN } from './arp';
import { ETH_HLEN } from './ethernet';
import { IP_MF, IP_OFFMASK, IPV4_HLEN } from './ipv4Header';
import { ETH_P_ARP, ETH_P_IP, IPPROTO_ICMP, IPPROTO_IPIP, IPPROTO_TCP, IPPROTO_UDP } from './types';

export type ProblemLayer = 'ethernet' | 'arp' | 'ipv4' | 'tcp' | 'udp' | 'icmp';
export type ProblemKind = 'truncated' | 'badHeader' | 'lengthMismatch' | 'badChecksum';

export interface FrameProblem {
  layer: ProblemLayer;
  kind: ProblemKind;
  /** English, for logs and tests; views localise from layer + kind. */
  message: string;
}

type Report = (layer: ProblemLayer, kind: ProblemKind, message: string) => void;

/** Every problem found, outermost first; an empty list means the frame is clean. */
export function verifyFrame(bytes: Uint8Array): FrameProblem[] {
  const out: FrameProblem[] = [];
  const report: Report = (layer, kind, message) => out.push({ layer, kind, message });
  if (bytes.length < ETH_HLEN) {
    report('ethernet', 'truncated', `frame of ${bytes.length} bytes is shorter than the Ethernet header`);
    return out;
  }
  const ethertype = u16(bytes, 12);
  if (ethertype === ETH_P_ARP && bytes.length - ETH_HLEN < ARP_LEN) {
    report('arp', 'truncated', `ARP packet of ${bytes.length - ETH_HLEN} bytes, want ${ARP_LEN}`);
  }
  if (ethertype === ETH_P_IP) verifyIpv4(bytes, ETH_HLEN, bytes.length, report, '');
  return out;
}

function verifyIpv4(b: Uint8Array, start: number, end: number, report: Report, prefix: string): void {
  const avail = end - start;
  const what = `${prefix}IPv4`;
  if (avail < IPV4_HLEN) return report('ipv4', 'truncated', `${what} header cut short: ${avail} bytes`);
  const version = (b[start] as number) >>> 4;
  const headerLength = ((b[start] as number) & 0x0f) * 4;
  if (version !== 4) return report('ipv4', 'badHeader', `${what} version field is ${version}`);
  if (headerLength < IPV4_HLEN)
    return report('ipv4', 'badHeader', `${what} IHL ${headerLength / 4} is below 5`);
  if (headerLength > avail)
    return report('ipv4', 'truncated', `${what} header needs ${headerLength} bytes, has ${avail}`);
  const sum = sum16(b, start, start + headerLength);
  if (foldChecksum(sum) !== 0) {
    const stored = u16(b, start + 10);
    report(
      'ipv4',
      'badChecksum',
      `${what} header checksum ${hex4(stored)}, expected ${hex4(foldChecksum(sum - stored))}`,
    );
  }
  const total = u16(b, start + 2);
  if (total < headerLength) {
    return report('ipv4', 'lengthMismatch', `${what} total length ${total} is shorter than its header`);
  }
  if (total > avail)
    return report('ipv4', 'truncated', `${what} total length ${total}, only ${avail} bytes present`);
  const frag = u16(b, start + 6);
  if ((frag & IP_MF) !== 0 || (frag & IP_OFFMASK) !== 0) return; // L4 checksums need the whole datagram
  const l4 = start + headerLength;
  const l4End = start + total;
  const pseudo = (protocol: number, length: number): number =>
    pseudoHeaderSum(u32(b, start + 12), u32(b, start + 16), protocol, length);
  switch (b[start + 9]) {
    case IPPROTO_TCP:
      return verifyTcp(b, l4, l4End, report, pseudo(IPPROTO_TCP, l4End - l4));
    case IPPROTO_UDP:
      return verifyUdp(b, l4, l4End, report, pseudo);
    case IPPROTO_ICMP:
      return verifyIcmp(b, l4, l4End, report);
    case IPPROTO_IPIP:
      return verifyIpv4(b, l4, l4End, report, 'inner ');
  }
}

function verifyTcp(b: Uint8Array, start: number, end: number, report: Report, pseudo: number): void {
  const len = end - start;
  if (len < 20) return report('tcp', 'truncated', `TCP header cut short: ${len} bytes`);
  const headerLength = ((b[start + 12] as number) >>> 4) * 4;
  if (headerLength < 20) return report('tcp', 'badHeader', `TCP data offset ${headerLength / 4} is below 5`);
  if (headerLength > len)
    return report('tcp', 'truncated', `TCP header needs ${headerLength} bytes, has ${len}`);
  checkSum(b, start, end, pseudo, 16, 'tcp', 'TCP', report);
}

function verifyUdp(
  b: Uint8Array,
  start: number,
  end: number,
  report: Report,
  pseudo: (protocol: number, length: number) => number,
): void {
  const len = end - start;
  if (len < 8) return report('udp', 'truncated', `UDP header cut short: ${len} bytes`);
  const udpLength = u16(b, start + 4);
  if (udpLength !== len) {
    report('udp', 'lengthMismatch', `UDP length ${udpLength}, but the IP payload has ${len} bytes`);
  }
  if (udpLength < 8 || udpLength > len) return;
  if (u16(b, start + 6) === 0) return; // sender did not compute one (legal over IPv4)
  checkSum(b, start, start + udpLength, pseudo(IPPROTO_UDP, udpLength), 6, 'udp', 'UDP', report);
}

function verifyIcmp(b: Uint8Array, start: number, end: number, report: Report): void {
  const len = end - start;
  if (len < 8) return report('icmp', 'truncated', `ICMP message cut short: ${len} bytes`);
  checkSum(b, start, end, 0, 2, 'icmp', 'ICMP', report);
}

function checkSum(
  b: Uint8Array,
  start: number,
  end: number,
  initial: number,
  fieldAt: number,
  layer: ProblemLayer,
  name: string,
  report: Report,
): void {
  const sum = sum16(b, start, end, initial);
  if (foldChecksum(sum) === 0) return;
  const stored = u16(b, start + fieldAt);
  const computed = foldChecksum(sum - stored);
  const expected = layer === 'udp' && computed === 0 ? 0xffff : computed;
  report(layer, 'badChecksum', `${name} checksum ${hex4(stored)}, expected ${hex4(expected)}`);
}

function u16(b: Uint8Array, i: number): number {
  return ((b[i] as number) << 8) | (b[i + 1] as number);
}

function u32(b: Uint8Array, i: number): number {
  return ((u16(b, i) << 16) | u16(b, i + 2)) >>> 0;
}

function hex4(v: number): string {
  return `0x${v.toString(16).padStart(4, '0')}`;
}

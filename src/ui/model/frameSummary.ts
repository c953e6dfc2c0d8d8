import type { EthernetFrame, Ipv4Packet } from '@/engine';
import { msg } from './message';
import type { Message } from './message';
import { tcpFlagNames, utf8Bytes } from './packetLayers';

function ipSummary(p: Ipv4Packet): Message {
  const l4 = p.payload;
  if (l4.proto === 'ipv4') return msg('sum.ipip', { src: p.src, dst: p.dst, inner: ipSummary(l4) });
  if (l4.proto === 'tcp') {
    const bytes = utf8Bytes(l4.data);
    return msg(bytes ? 'sum.tcpData' : 'sum.tcp', {
      src: `${p.src}:${l4.srcPort}`,
      dst: `${p.dst}:${l4.dstPort}`,
      flags: tcpFlagNames(l4.flags),
      bytes,
    });
  }
  if (l4.proto === 'udp')
    return msg('sum.udp', { src: `${p.src}:${l4.srcPort}`, dst: `${p.dst}:${l4.dstPort}` });
  if (l4.proto === 'icmp') {
    if ('ident' in l4) return msg(l4.type === 8 ? 'sum.echo' : 'sum.echoReply', { src: p.src, dst: p.dst });
    return msg('sum.icmpError', { src: p.src, dst: p.dst, type: l4.type, code: l4.code });
  }
  return msg('sum.ip', { src: p.src, dst: p.dst, proto: p.protocol });
}

/** One line about a frame, like tcpdump's, as a translatable message. */
export function frameSummary(eth: EthernetFrame): Message {
  const p = eth.payload;
  if (p.proto === 'arp') {
    return p.op === 1
      ? msg('sum.arpRequest', { tpa: p.tpa, spa: p.spa })
      : msg('sum.arpReply', { spa: p.spa, sha: p.sha });
  }
  if (p.proto === 'ipv4') return ipSummary(p);
  return msg('sum.raw', { type: `0x${eth.ethertype.toString(16)}` });
}

/** A short glyph label: ARP, GARP, SYN, SYN-ACK, ACK, HTTP, FIN, RST, ICMP, UDP, VRRP, IP. */
export function frameTag(eth: EthernetFrame): string {
  const p = eth.payload;
  // A gratuitous ARP announces its own address (sender = target): keepalived's takeover.
  if (p.proto === 'arp') return p.spa === p.tpa ? 'GARP' : 'ARP';
  if (p.proto !== 'ipv4') return '?';
  if (p.protocol === 112) return 'VRRP';
  const l4 = p.payload.proto === 'ipv4' ? p.payload.payload : p.payload;
  if (l4.proto === 'tcp') {
    if (l4.flags & 0x04) return 'RST';
    if (l4.flags & 0x02) return l4.flags & 0x10 ? 'SYN-ACK' : 'SYN';
    if (l4.flags & 0x01) return 'FIN';
    if (l4.data)
      return l4.data.startsWith('HTTP/') ? `HTTP ${l4.data.slice(9, 12)}` : (l4.data.split(' ')[0] ?? 'DATA');
    return 'ACK';
  }
  if (l4.proto === 'icmp') return 'ICMP';
  if (l4.proto === 'udp') return 'UDP';
  return 'IP';
}

/**
 * tcpdump 4.9's one-line decode (no -v): ARP, IPv4 with TCP (flags, relative sequence numbers
 * after the handshake, options, HTTP first line), UDP, ICMP and IPIP, with the -e link header.
 */
import { utf8Length } from '../../../packet/bytes';
import { readIcmpOriginal } from '../../../packet/icmp';
import { tcpFlagsText } from '../../../packet/tcp';
import { vrrpOf } from '../../../packet/vrrp';
import type { VrrpAdvert } from '../../../packet/vrrp';
import type { ArpPacket, IcmpMessage, Ipv4Packet, TcpOption, TcpSegment } from '../../../packet/types';
import { SERVICE_PORTS } from './filter';

export interface FormatOptions {
  /** Number of -n: 1 keeps port names, 2 (-nn) prints numbers. */
  numeric: number;
  absoluteSeq: boolean;
  quiet: boolean;
  /** Reverse lookup used without -n. */
  name?: (ip: string) => string | undefined;
}

function addr(ip: string, o: FormatOptions): string {
  return o.numeric === 0 ? (o.name?.(ip) ?? ip) : ip;
}

const PORT_NAMES: ReadonlyMap<number, string> = new Map(
  Object.entries(SERVICE_PORTS).map(([k, v]) => [v, k]),
);

const HTTP_METHODS = new Set([
  'GET',
  'PUT',
  'COPY',
  'HEAD',
  'LOCK',
  'MOVE',
  'POLL',
  'POST',
  'BCOPY',
  'BMOVE',
  'MKCOL',
  'TRACE',
  'LABEL',
  'MERGE',
  'DELETE',
  'SEARCH',
  'UNLOCK',
  'REPORT',
  'UPDATE',
  'NOTIFY',
  'BDELETE',
  'CONNECT',
  'OPTIONS',
  'CHECKIN',
  'PROPFIND',
  'CHECKOUT',
  'SUBSCRIBE',
  'PROPPATCH',
  'BPROPFIND',
  'BPROPPATCH',
  'UNCHECKOUT',
  'MKACTIVITY',
  'MKWORKSPACE',
  'UNSUBSCRIBE',
  'RPC_CONNECT',
  'VERSION-CONTROL',
  'BASELINE-CONTROL',
]);

/** print-tcp.c's tcp_seq_hash: the initial sequence numbers of each conversation. */
export class SeqTable {
  private readonly map = new Map<string, { seq: number; ack: number }>();

  /** Relative (seq, ack) for a segment with ACK set, recording the conversation on SYN. */
  relative(src: string, dst: string, seg: TcpSegment): { seq: number; ack: number } {
    const rev = seg.srcPort > seg.dstPort || (seg.srcPort === seg.dstPort && src > dst);
    const key = rev
      ? `${dst}|${src}|${seg.dstPort}|${seg.srcPort}`
      : `${src}|${dst}|${seg.srcPort}|${seg.dstPort}`;
    const th = this.map.get(key);
    if (!th || seg.flags & 0x02) {
      this.map.set(
        key,
        rev ? { ack: seg.seq, seq: (seg.ack - 1) >>> 0 } : { seq: seg.seq, ack: (seg.ack - 1) >>> 0 },
      );
      return { seq: seg.seq, ack: seg.ack };
    }
    return rev
      ? { seq: (seg.seq - th.ack) >>> 0, ack: (seg.ack - th.seq) >>> 0 }
      : { seq: (seg.seq - th.seq) >>> 0, ack: (seg.ack - th.ack) >>> 0 };
  }
}

function portText(p: number, o: FormatOptions): string {
  return o.numeric >= 2 ? String(p) : (PORT_NAMES.get(p) ?? String(p));
}

function optionText(opt: TcpOption): string {
  switch (opt.kind) {
    case 'mss':
      return `mss ${opt.value}`;
    case 'wscale':
      return `wscale ${opt.shift}`;
    case 'sackOk':
      return 'sackOK';
    case 'ts':
      return `TS val ${opt.val} ecr ${opt.ecr}`;
    case 'nop':
      return 'nop';
    case 'eol':
      return 'eol';
    default:
      return `unknown-${opt.type} 0x${opt.hex}`;
  }
}

/** txtproto_print for HTTP: the first line of a request or response, else just "HTTP". */
function httpText(data: string): string {
  const eol = data.indexOf('\n');
  const tokens = data.split(/[ \r\n]/);
  const isReq = HTTP_METHODS.has((tokens[0] ?? '').toUpperCase()) || /^\d{3}$/.test(tokens[1] ?? '');
  if (!isReq) return ': HTTP';
  if (eol < 0) return ': HTTP [|http]';
  return `: HTTP: ${data.slice(0, eol).replace(/\r$/, '')}`;
}

function tcpText(src: string, dst: string, seg: TcpSegment, o: FormatOptions, seqs: SeqTable): string {
  const length = utf8Length(seg.data);
  let s = `${addr(src, o)}.${portText(seg.srcPort, o)} > ${addr(dst, o)}.${portText(seg.dstPort, o)}: `;
  if (o.quiet) return `${s}tcp ${length}`;
  const rel =
    !o.absoluteSeq && seg.flags & 0x10 ? seqs.relative(src, dst, seg) : { seq: seg.seq, ack: seg.ack };
  s += `Flags [${tcpFlagsText(seg.flags)}]`;
  if (length > 0 || seg.flags & 0x07)
    s += `, seq ${rel.seq}${length > 0 ? `:${(rel.seq + length) >>> 0}` : ''}`;
  if (seg.flags & 0x10) s += `, ack ${rel.ack}`;
  s += `, win ${seg.window}`;
  if (seg.flags & 0x20) s += `, urg ${seg.urgent}`;
  if (seg.options.length > 0) s += `, options [${seg.options.map(optionText).join(',')}]`;
  s += `, length ${length}`;
  const http = [80, 8080].includes(seg.srcPort) || [80, 8080].includes(seg.dstPort);
  if (length > 0 && http) s += httpText(seg.data);
  return s;
}

const UNREACH: Readonly<Record<number, string>> = {
  0: 'net %s unreachable',
  1: 'host %s unreachable',
  6: '%s unreachable - net unknown',
  7: '%s unreachable - host unknown',
  9: 'net %s unreachable - admin prohibited',
  10: 'host %s unreachable - admin prohibited',
  13: '%s unreachable - admin prohibited filter',
};

function icmpText(m: IcmpMessage, length: number, o: FormatOptions): string {
  if ('ident' in m)
    return `ICMP echo ${m.type === 8 ? 'request' : 'reply'}, id ${m.ident}, seq ${m.sequence}, length ${length}`;
  const orig = readIcmpOriginal(m.original);
  const odst = orig?.header.dst ?? '0.0.0.0';
  let body: string;
  if (m.type === 3) {
    if (m.code === 2) body = `${odst} protocol ${orig?.header.protocol ?? 0} unreachable`;
    else if (m.code === 3) {
      const p = orig?.header.protocol;
      const port = portText(orig?.dstPort ?? 0, o);
      body =
        p === 6
          ? `${odst} tcp port ${port} unreachable`
          : p === 17
            ? `${odst} udp port ${port} unreachable`
            : `${odst} protocol ${p ?? 0} port ${orig?.dstPort ?? 0} unreachable`;
    } else if (m.code === 4) body = `${odst} unreachable - need to frag (mtu ${m.mtu})`;
    else body = (UNREACH[m.code] ?? `#${m.code} %s unreachable`).replace('%s', odst);
  } else if (m.type === 11) body = m.code === 0 ? 'time exceeded in-transit' : 'ip reassembly time exceeded';
  else body = `type-#${m.type}`;
  return `ICMP ${body}, length ${length}`;
}

/** ip_print: `IP src > dst: ...` for one IPv4 packet (its own length, header included). */
export function ipText(p: Ipv4Packet, o: FormatOptions, seqs: SeqTable): string {
  const l4 = p.payload;
  switch (l4.proto) {
    case 'tcp':
      return `IP ${tcpText(p.src, p.dst, l4, o, seqs)}`;
    case 'udp':
      return `IP ${addr(p.src, o)}.${portText(l4.srcPort, o)} > ${addr(p.dst, o)}.${portText(l4.dstPort, o)}: UDP, length ${utf8Length(l4.data)}`;
    case 'icmp':
      return `IP ${addr(p.src, o)} > ${addr(p.dst, o)}: ${icmpText(l4, icmpLength(l4), o)}`;
    case 'ipv4':
      return `IP ${addr(p.src, o)} > ${addr(p.dst, o)}: ${ipText(l4, o, seqs)} (ipip-proto-4)`;
    default: {
      const v = vrrpOf(p);
      if (v) return `IP ${addr(p.src, o)} > ${addr(p.dst, o)}: ${vrrpText(v, l4.hex.length / 2)}`;
      return `IP ${addr(p.src, o)} > ${addr(p.dst, o)}:  ip-proto-${p.protocol} ${l4.hex.length / 2}`;
    }
  }
}

/** vrrp_print (tcpdump 4.9), non-verbose. */
function vrrpText(v: VrrpAdvert, length: number): string {
  if (v.type !== 1) return `VRRPv${v.version}, type-#${v.type}, length ${length}`;
  const auth =
    v.authType === 1 ? ', authtype simple' : v.authType === 2 ? ', authtype ah' : ', authtype none';
  return `VRRPv${v.version}, Advertisement, vrid ${v.vrid}, prio ${v.priority}${auth}, intvl ${v.adverInt}s, length ${length}`;
}

function icmpLength(m: IcmpMessage): number {
  return 8 + ('ident' in m ? utf8Length(m.data) : m.original.length / 2);
}

/** arp_print; `length` is what follows the link header (28 sent, 46 when received padded). */
export function arpText(a: ArpPacket, length: number, o: FormatOptions): string {
  if (a.op === 1) {
    const tha = a.tha !== '00:00:00:00:00:00' ? ` (${a.tha})` : '';
    return `ARP, Request who-has ${addr(a.tpa, o)}${tha} tell ${addr(a.spa, o)}, length ${length}`;
  }
  if (a.op === 2) return `ARP, Reply ${addr(a.spa, o)} is-at ${a.sha}, length ${length}`;
  return `ARP, Unknown (${a.op}), length ${length}`;
}

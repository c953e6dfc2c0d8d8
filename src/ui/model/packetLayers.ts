import type { ArpPacket, EthernetFrame, Ipv4Packet, TcpOption, TcpSegment } from '@/engine';

/** One header field: a stable path for diffing, its value in text, and its bytes in the frame. */
export interface Field {
  path: string;
  /** i18n key of the field's name (`field.<layer>.<name>`). */
  label: string;
  value: string;
  /** Byte range [start, end) in the encoded frame. */
  start: number;
  end: number;
}

export type LayerKind = 'ethernet' | 'arp' | 'outer' | 'ipv4' | 'tcp' | 'udp' | 'icmp' | 'payload';

export interface Layer {
  kind: LayerKind;
  fields: Field[];
  start: number;
  end: number;
}

const hex = (n: number, width: number): string => `0x${n.toString(16).padStart(width, '0')}`;

const TCP_FLAGS: [number, string][] = [
  [0x02, 'SYN'],
  [0x10, 'ACK'],
  [0x08, 'PSH'],
  [0x01, 'FIN'],
  [0x04, 'RST'],
  [0x20, 'URG'],
  [0x40, 'ECE'],
  [0x80, 'CWR'],
];

export function tcpFlagNames(flags: number): string {
  const names = TCP_FLAGS.filter(([bit]) => flags & bit).map(([, n]) => n);
  return names.length ? names.join(' ') : '—';
}

function optionText(o: TcpOption): string {
  switch (o.kind) {
    case 'mss':
      return `mss ${o.value}`;
    case 'wscale':
      return `wscale ${o.shift}`;
    case 'ts':
      return `TS ${o.val}:${o.ecr}`;
    case 'sackOk':
      return 'sackOK';
    case 'raw':
      return `opt${o.type}`;
    default:
      return o.kind;
  }
}

function f(path: string, label: string, value: string | number, start: number, len: number): Field {
  return { path, label, value: String(value), start, end: start + len };
}

function ethernetLayer(eth: EthernetFrame): Layer {
  return {
    kind: 'ethernet',
    start: 0,
    end: 14,
    fields: [
      f('eth.dst', 'field.eth.dst', eth.dst, 0, 6),
      f('eth.src', 'field.eth.src', eth.src, 6, 6),
      f('eth.type', 'field.eth.type', hex(eth.ethertype, 4), 12, 2),
    ],
  };
}

function arpLayer(a: ArpPacket, o: number): Layer {
  return {
    kind: 'arp',
    start: o,
    end: o + 28,
    fields: [
      f('arp.htype', 'field.arp.htype', a.htype, o, 2),
      f('arp.ptype', 'field.arp.ptype', hex(a.ptype, 4), o + 2, 2),
      f('arp.op', 'field.arp.op', a.op, o + 6, 2),
      f('arp.sha', 'field.arp.sha', a.sha, o + 8, 6),
      f('arp.spa', 'field.arp.spa', a.spa, o + 14, 4),
      f('arp.tha', 'field.arp.tha', a.tha, o + 18, 6),
      f('arp.tpa', 'field.arp.tpa', a.tpa, o + 24, 4),
    ],
  };
}

function ipLayer(p: Ipv4Packet, o: number, kind: 'ipv4' | 'outer'): Layer {
  const ihl = p.ihl ?? 5;
  const pre = kind === 'outer' ? 'outer' : 'ip';
  const flags = [p.df ? 'DF' : '', p.mf ? 'MF' : ''].filter(Boolean).join(' ') || '—';
  return {
    kind,
    start: o,
    end: o + ihl * 4,
    fields: [
      f(`${pre}.version`, 'field.ip.version', 4, o, 1),
      f(`${pre}.ihl`, 'field.ip.ihl', ihl, o, 1),
      f(`${pre}.tos`, 'field.ip.tos', hex(p.tos, 2), o + 1, 1),
      f(`${pre}.len`, 'field.ip.len', p.totalLength ?? '', o + 2, 2),
      f(`${pre}.id`, 'field.ip.id', p.id, o + 4, 2),
      f(`${pre}.flags`, 'field.ip.flags', flags, o + 6, 2),
      f(`${pre}.frag`, 'field.ip.frag', p.fragOffset, o + 6, 2),
      f(`${pre}.ttl`, 'field.ip.ttl', p.ttl, o + 8, 1),
      f(`${pre}.proto`, 'field.ip.proto', p.protocol, o + 9, 1),
      f(`${pre}.checksum`, 'field.ip.checksum', hex(p.checksum ?? 0, 4), o + 10, 2),
      f(`${pre}.src`, 'field.ip.src', p.src, o + 12, 4),
      f(`${pre}.dst`, 'field.ip.dst', p.dst, o + 16, 4),
    ],
  };
}

function tcpLayer(s: TcpSegment, o: number): Layer {
  const hlen = (s.dataOffset ?? 5) * 4;
  const fields = [
    f('l4.sport', 'field.l4.sport', s.srcPort, o, 2),
    f('l4.dport', 'field.l4.dport', s.dstPort, o + 2, 2),
    f('tcp.seq', 'field.tcp.seq', s.seq, o + 4, 4),
    f('tcp.ack', 'field.tcp.ack', s.ack, o + 8, 4),
    f('tcp.off', 'field.tcp.off', hlen, o + 12, 1),
    f('tcp.flags', 'field.tcp.flags', tcpFlagNames(s.flags), o + 13, 1),
    f('tcp.window', 'field.tcp.window', s.window, o + 14, 2),
    f('l4.checksum', 'field.l4.checksum', hex(s.checksum ?? 0, 4), o + 16, 2),
    f('tcp.urgent', 'field.tcp.urgent', s.urgent, o + 18, 2),
  ];
  if (s.options.length) {
    fields.push(
      f('tcp.options', 'field.tcp.options', s.options.map(optionText).join(', '), o + 20, hlen - 20),
    );
  }
  return { kind: 'tcp', start: o, end: o + hlen, fields };
}

function l4Layers(p: Ipv4Packet, o: number, total: number): Layer[] {
  const l4 = p.payload;
  if (l4.proto === 'tcp') {
    const layer = tcpLayer(l4, o);
    return [layer, ...payloadLayer(l4.data, layer.end, total)];
  }
  if (l4.proto === 'udp') {
    const layer: Layer = {
      kind: 'udp',
      start: o,
      end: o + 8,
      fields: [
        f('l4.sport', 'field.l4.sport', l4.srcPort, o, 2),
        f('l4.dport', 'field.l4.dport', l4.dstPort, o + 2, 2),
        f('udp.len', 'field.udp.len', l4.length ?? '', o + 4, 2),
        f('l4.checksum', 'field.l4.checksum', hex(l4.checksum ?? 0, 4), o + 6, 2),
      ],
    };
    return [layer, ...payloadLayer(l4.data, o + 8, total)];
  }
  if (l4.proto === 'icmp') {
    const fields = [
      f('icmp.type', 'field.icmp.type', l4.type, o, 1),
      f('icmp.code', 'field.icmp.code', l4.code, o + 1, 1),
      f('icmp.checksum', 'field.icmp.checksum', hex(l4.checksum ?? 0, 4), o + 2, 2),
    ];
    if ('ident' in l4) {
      fields.push(f('icmp.ident', 'field.icmp.ident', l4.ident, o + 4, 2));
      fields.push(f('icmp.seq', 'field.icmp.seq', l4.sequence, o + 6, 2));
    } else fields.push(f('icmp.mtu', 'field.icmp.mtu', l4.mtu, o + 6, 2));
    return [{ kind: 'icmp', start: o, end: o + 8, fields }];
  }
  return [];
}

/** One encoder for every count: making one per frame summary cost more than the encoding. */
const encoder = new TextEncoder();

/** The bytes `text` takes as UTF-8 (a payload's length on the wire). */
export function utf8Bytes(text: string): number {
  return text ? encoder.encode(text).length : 0;
}

function payloadLayer(data: string, o: number, total: number): Layer[] {
  if (!data) return [];
  const end = Math.min(total, o + utf8Bytes(data));
  return [{ kind: 'payload', start: o, end, fields: [f('data', 'field.data', data, o, end - o)] }];
}

/**
 * Every header of a decoded frame, outermost first, with byte ranges. The innermost IPv4 header
 * is `ip.*` and an IPIP outer header is `outer.*`, so the same field keeps its path across hops.
 */
export function frameLayers(eth: EthernetFrame, total: number): Layer[] {
  const layers = [ethernetLayer(eth)];
  const p = eth.payload;
  if (p.proto === 'arp') layers.push(arpLayer(p, 14));
  if (p.proto !== 'ipv4') return layers;
  if (p.payload.proto === 'ipv4') {
    const outer = ipLayer(p, 14, 'outer');
    const inner = ipLayer(p.payload, outer.end, 'ipv4');
    layers.push(outer, inner, ...l4Layers(p.payload, inner.end, total));
  } else {
    const ip = ipLayer(p, 14, 'ipv4');
    layers.push(ip, ...l4Layers(p, ip.end, total));
  }
  return layers;
}

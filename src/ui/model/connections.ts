import type { EthernetFrame, EventOf, Ipv4Packet, TraceLog } from '@/engine';
import type { Hop } from './frameHops';

/** The key of ARP frames: they belong to no connection. */
export const ARP_KEY = 'arp';
export const OTHER_KEY = 'other';

function endpointKey(proto: string, a: string, b: string): string {
  return a < b ? `${proto} ${a} ${b}` : `${proto} ${b} ${a}`;
}

/** The 5-tuple of a packet, the same both ways; IPIP is keyed by the packet inside. */
export function packetKey(p: Ipv4Packet): string {
  const l4 = p.payload;
  if (l4.proto === 'ipv4') return packetKey(l4);
  if (l4.proto === 'tcp' || l4.proto === 'udp') {
    return endpointKey(l4.proto, `${p.src}:${l4.srcPort}`, `${p.dst}:${l4.dstPort}`);
  }
  if (l4.proto === 'icmp' && 'ident' in l4) return endpointKey(`icmp${l4.ident}`, p.src, p.dst);
  return endpointKey('ip', p.src, p.dst);
}

export function frameKey(eth: EthernetFrame): string {
  if (eth.payload.proto === 'arp') return ARP_KEY;
  if (eth.payload.proto === 'ipv4') return packetKey(eth.payload);
  return OTHER_KEY;
}

/** A new IPVS connection's real-server tuple and the client's tuple to the VIP it stands for. */
export function packetAlias(ev: EventOf<'ipvs.conn'>): [string, string] | undefined {
  if (ev.event !== 'new') return undefined;
  const proto = String(ev.proto ?? 'TCP').toLowerCase();
  const client = String(ev.client);
  return [endpointKey(proto, client, String(ev.dest)), endpointKey(proto, client, String(ev.virtual))];
}

export interface ConnectionColours {
  /** Connection number (0, 1, 2 … in order of first appearance) for a frame; −1 for ARP/other. */
  indexOf(hop: Hop): number;
  count: number;
}

/**
 * Number the connections in order of first appearance. NAT rewrites (CIP:port ↔ RIP:888) keep
 * the number of the client's connection to the VIP through the director's ipvs.conn entries.
 */
export function numberConnections(trace: TraceLog, hops: readonly Hop[]): ConnectionColours {
  const alias = new Map<string, string>();
  for (const ev of trace) {
    const a = ev.kind === 'ipvs.conn' ? packetAlias(ev) : undefined;
    if (a) alias.set(a[0], a[1]);
  }
  const numbers = new Map<string, number>();
  const byFrame = new Map<string, number>();
  for (const hop of hops) {
    const raw = frameKey(hop.eth);
    if (raw === ARP_KEY || raw === OTHER_KEY) {
      byFrame.set(hop.frame, -1);
      continue;
    }
    const key = alias.get(raw) ?? raw;
    let n = numbers.get(key);
    if (n === undefined) {
      n = numbers.size;
      numbers.set(key, n);
    }
    byFrame.set(hop.frame, n);
  }
  return { indexOf: (hop) => byFrame.get(hop.frame) ?? -1, count: numbers.size };
}

/** Eight hues that stay apart on every scheme and keep white labels readable (contrast ≥ 4.5:1). */
export const CONNECTION_PALETTE = [
  '#1f5fbf',
  '#b4461c',
  '#177a52',
  '#8a35a8',
  '#8a6500',
  '#b0254f',
  '#0b6f80',
  '#5b6b10',
] as const;

export function connectionColour(n: number): string {
  return n < 0 ? 'var(--arp)' : CONNECTION_PALETTE[n % CONNECTION_PALETTE.length]!;
}

/**
 * ICMP errors for IPVS connections (ip_vs_core.c): ip_vs_in_icmp finds the connection an error
 * is about by the quoted header; an error about one of our IPIP packets is relayed to the client
 * about its own packet; ip_vs_out_icmp gives a NAT real server's error the VIP back.
 */
import { bytesToHex } from '../packet/bytes';
import { packetLength } from '../packet/frame';
import { innerQuote, readQuote, rewriteQuote } from '../packet/icmpQuote';
import type { Quote } from '../packet/icmpQuote';
import { ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, IPPROTO_IPIP, IPPROTO_TCP, IPPROTO_UDP } from '../packet/types';
import type { Ipv4 } from '../packet/types';
import { icmpSendQuoted } from '../stack/icmpSend';
import { ipLocalOut, routeOutput } from '../stack/ipOutput';
import type { HookName, HookResult } from '../stack/netfilter';
import { newSkb, type Skb } from '../stack/skb';
import type { IpvsConn } from './conn';
import type { Ipvs } from './ipvs';
import { transmit } from './xmit';

/**
 * What IPVS did with an ICMP error about one of its connections: `relay` (an error about a
 * tunnelled packet, sent to the client about its own packet), `nat` (a NAT real server's error
 * rewritten to come from the VIP), `forward` (an error from outside sent on to the real
 * server), `ignored` (frag-needed for a client that does not use path MTU discovery).
 */
export interface IpvsIcmpEvent {
  kind: 'ipvs.icmp';
  host: string;
  pkt: string;
  fn: 'ip_vs_in_icmp' | 'ip_vs_out_icmp';
  hook: HookName;
  conn: string;
  action: 'relay' | 'nat' | 'forward' | 'ignored';
  type: number;
  code: number;
  /** Who gets the error next: the client (relay, nat) or the real server (forward). */
  to: Ipv4;
  /** The MTU a relayed frag-needed reports (the route's MTU less the outer header). */
  mtu?: number;
}

const ACCEPT: HookResult = { verdict: 'ACCEPT' };

/** The error part of an ICMP packet: type, code, next-hop MTU and the quote. */
function errorOf(skb: Skb): { type: number; code: number; mtu: number; q: Quote } | undefined {
  const m = skb.pkt.payload;
  if (m.proto !== 'icmp' || !('original' in m)) return undefined;
  const q = readQuote(m.original);
  return q ? { type: m.type, code: m.code, mtu: m.mtu, q } : undefined;
}

function protoOf(q: Quote): 'TCP' | 'UDP' | undefined {
  if (q.sport === undefined || q.dport === undefined) return undefined;
  return q.header.protocol === IPPROTO_TCP ? 'TCP' : q.header.protocol === IPPROTO_UDP ? 'UDP' : undefined;
}

function emit(ipvs: Ipvs, e: Omit<IpvsIcmpEvent, 'kind' | 'host'>): void {
  const ev: IpvsIcmpEvent = { kind: 'ipvs.icmp', host: ipvs.host.name, ...e };
  ipvs.host.sim.emit(ev);
}

/** ip_vs_in_icmp (LOCAL_IN via ip_vs_in, FORWARD via ip_vs_forward_icmp). */
export function ipvsInIcmp(ipvs: Ipvs, skb: Skb, hook: HookName): HookResult {
  const e = errorOf(skb);
  if (!e) return ACCEPT;
  let q = e.q;
  let tunnel = false;
  if (q.header.protocol === IPPROTO_IPIP) {
    // Only an error for our own IPIP packet, arriving at LOCAL_IN, from a known tunnel dest.
    if (q.header.fragOffset !== 0 || hook !== 'INPUT') return ACCEPT;
    const raddr = q.header.dst;
    const known = ipvs.services.some((s) => s.dests.some((d) => d.addr === raddr && d.fwd === 'tunnel'));
    const inner = known ? innerQuote(q) : undefined;
    if (!inner) return ACCEPT;
    q = inner;
    tunnel = true;
  }
  const proto = protoOf(q);
  if (!proto) return ACCEPT;
  const h = q.header;
  // The quote of a reply is reversed; the quote inside a tunnel error is the client's request.
  const c = tunnel
    ? ipvs.conns.findIn(proto, h.src, q.sport!, h.dst, q.dport!)
    : ipvs.conns.findIn(proto, h.dst, q.dport!, h.src, q.sport!);
  if (!c) return ACCEPT;
  if (tunnel) return relayTunnelError(ipvs, skb, c, e, q);
  return forwardToDest(ipvs, skb, c, e, q, hook);
}

/** The tunnel case: strip the outer layers and icmp_send about the client's packet. */
function relayTunnelError(
  ipvs: Ipvs,
  skb: Skb,
  c: IpvsConn,
  e: { type: number; code: number; mtu: number },
  q: Quote,
): HookResult {
  const host = ipvs.host;
  let info = 0;
  if (e.type === ICMP_DEST_UNREACH && e.code === ICMP_FRAG_NEEDED) {
    const base = { pkt: skb.id, fn: 'ip_vs_in_icmp' as const, hook: 'INPUT' as const, conn: c.id };
    if (!q.header.df) {
      emit(ipvs, { ...base, action: 'ignored', type: e.type, code: e.code, to: q.header.src });
      return { verdict: 'STOLEN' };
    }
    // The path MTU towards the real server, as the error updated it, less the outer header.
    const rt = routeOutput(host, c.daddr);
    const devMtu = rt.ok ? (host.devices.get(rt.dev)?.mtu ?? 1500) : 1500;
    let mtu = e.mtu > 0 ? Math.min(e.mtu, devMtu) : devMtu;
    if (mtu > 68 + 20) mtu -= 20;
    info = mtu;
  }
  const ev: Omit<IpvsIcmpEvent, 'kind' | 'host'> = {
    pkt: skb.id,
    fn: 'ip_vs_in_icmp',
    hook: 'INPUT',
    conn: c.id,
    action: 'relay',
    type: e.type,
    code: e.code,
    to: q.header.src,
  };
  if (info) ev.mtu = info;
  emit(ipvs, ev);
  for (const s of [c.dest.stats, c.svc.stats, ipvs.stats]) {
    s.counters.outpkts++;
    s.counters.outbytes += q.bytes.length;
  }
  const quote = bytesToHex(q.bytes);
  return {
    verdict: 'STOLEN',
    then: () => icmpSendQuoted(host, skb.id, q.header, false, quote, e.type, e.code, info),
  };
}

/** ip_vs_icmp_xmit: an error about a reply goes on to the real server (NAT rewrites it first). */
function forwardToDest(
  ipvs: Ipvs,
  skb: Skb,
  c: IpvsConn,
  e: { type: number; code: number },
  q: Quote,
  hook: HookName,
): HookResult {
  const host = ipvs.host;
  emit(ipvs, {
    pkt: skb.id,
    fn: 'ip_vs_in_icmp',
    hook,
    conn: c.id,
    action: 'forward',
    type: e.type,
    code: e.code,
    to: c.daddr,
  });
  const len = packetLength(skb.pkt);
  for (const s of [c.dest.stats, c.svc.stats, ipvs.stats]) {
    s.counters.inpkts++;
    s.counters.inbytes += len;
  }
  if (c.fwd !== 'masq') return { verdict: 'STOLEN', then: () => transmit(ipvs, c, skb) };
  const m = skb.pkt.payload;
  if (m.proto !== 'icmp' || !('original' in m) || skb.pkt.ttl <= 1)
    return { verdict: 'DROP', reason: 'ipvs-icmp' };
  const original = rewriteQuote(q, { src: c.daddr, sport: c.dport });
  const pkt = { ...skb.pkt, ttl: skb.pkt.ttl - 1, dst: c.daddr, payload: { ...m, original } };
  return {
    verdict: 'STOLEN',
    then: () => {
      const rt = routeOutput(host, c.daddr);
      if (!rt.ok) {
        host.sim.emit({
          kind: 'drop',
          host: host.name,
          pkt: skb.id,
          reason: 'ipvs-no-route-to-rs',
          dest: c.daddr,
        });
        return;
      }
      const out = newSkb(skb.id, pkt);
      out.ipvsProperty = true;
      ipLocalOut(host, out, rt.dev, rt.nexthop);
    },
  };
}

/** ip_vs_out_icmp: a NAT real server's error about a client packet now comes from the VIP. */
export function ipvsOutIcmp(ipvs: Ipvs, skb: Skb, hook: HookName): HookResult {
  const e = errorOf(skb);
  if (!e) return ACCEPT;
  const q = e.q;
  const proto = protoOf(q);
  if (!proto) return ACCEPT;
  const c = ipvs.conns.findOut(proto, q.header.dst, q.dport!, q.header.src, q.sport!);
  if (!c || c.fwd !== 'masq') return ACCEPT;
  const m = skb.pkt.payload;
  if (m.proto !== 'icmp' || !('original' in m)) return ACCEPT;
  const original = rewriteQuote(q, { dst: c.vaddr, dport: c.vport });
  const after = { ...skb.pkt, src: c.vaddr, payload: { ...m, original } };
  const len = packetLength(skb.pkt);
  for (const s of [c.dest.stats, c.svc.stats, ipvs.stats]) {
    s.counters.outpkts++;
    s.counters.outbytes += len;
  }
  emit(ipvs, {
    pkt: skb.id,
    fn: 'ip_vs_out_icmp',
    hook,
    conn: c.id,
    action: 'nat',
    type: e.type,
    code: e.code,
    to: skb.pkt.dst,
  });
  return { verdict: 'ACCEPT', skb: { ...skb, pkt: after, ipvsProperty: true } };
}

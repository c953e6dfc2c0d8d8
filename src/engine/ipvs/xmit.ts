import { fixedKind } from '../core/traceFixed';
import { IPPROTO_IPIP, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, ICMP_TIME_EXCEEDED } from '../packet/types';
import type { Ipv4, Ipv4Packet } from '../packet/types';
import { packetLength } from '../packet/frame';
import { withIpv4, withTcpPorts } from '../packet/rewrite';
import { icmpSendError, nextIpId } from '../stack/icmpSend';
import { ipLocalDeliver } from '../stack/ipInput';
import { ipLocalOut, routeOutput } from '../stack/ipOutput';
import { remakeSkb, type Skb } from '../stack/skb';
import type { IpvsConn } from './conn';
import type { Ipvs } from './ipvs';
import type { FwdMethod } from './types';

/** The director forwarded a scheduled packet to its real server: the packet before and after. */
export interface IpvsXmitEvent {
  kind: 'ipvs.xmit';
  host: string;
  conn: string;
  pkt: string;
  method: FwdMethod;
  before: Ipv4Packet;
  after: Ipv4Packet;
  outDev: string;
  nexthop: Ipv4;
}

/** Pushed as its values (core/traceFixed.ts): no event object per packet forwarded. */
const XMIT = fixedKind<IpvsXmitEvent>()('ipvs.xmit', [
  'host',
  'conn',
  'pkt',
  'method',
  'before',
  'after',
  'outDev',
  'nexthop',
]);

/**
 * The transmitters (ip_vs_xmit.c): NAT rewrites destination address and port, DR only
 * re-addresses the frame, TUN wraps the packet in an outer IPv4 header. All decrement TTL
 * (kernels since 5.3) and go out through LOCAL_OUT → POSTROUTING, marked as IPVS's own.
 */
export function transmit(ipvs: Ipvs, c: IpvsConn, skb: Skb): void {
  const host = ipvs.host;
  const before = skb.pkt;
  if (before.ttl <= 1) {
    host.sim.emit({ kind: 'drop', host: host.name, pkt: skb.id, reason: 'ttl-exceeded' });
    icmpSendError(host, skb, ICMP_TIME_EXCEEDED, 0);
    return;
  }
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
  let after: Ipv4Packet;
  let nexthop = rt.nexthop;
  if (c.fwd === 'masq') {
    const p = before.payload;
    const payload =
      p.proto === 'tcp'
        ? withTcpPorts(p, p.srcPort, c.dport)
        : p.proto === 'udp'
          ? { ...p, dstPort: c.dport }
          : p;
    // One copy, not a TTL-decremented one and then a rewritten one: the same keys in the same order.
    after = withIpv4(before, before.ttl - 1, before.src, c.daddr, payload);
  } else if (c.fwd === 'tunnel') {
    const dec = withIpv4(before, before.ttl - 1, before.src, before.dst, before.payload);
    // The tunnel's MTU is the route's towards the real server less the outer header.
    const mtu = (host.device(rt.dev)?.mtu ?? 1500) - 20;
    if (dec.df && packetLength(dec) > mtu) {
      host.sim.emit({ kind: 'drop', host: host.name, pkt: skb.id, reason: 'ipvs-frag-needed', mtu });
      icmpSendError(host, skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, mtu);
      return;
    }
    after = {
      proto: 'ipv4',
      tos: dec.tos,
      id: nextIpId(host),
      df: ipvs.sysctl('pmtu_disc') === 1 ? dec.df : false,
      mf: false,
      fragOffset: 0,
      ttl: dec.ttl,
      protocol: IPPROTO_IPIP,
      src: rt.src,
      dst: c.daddr,
      payload: dec,
    };
  } else {
    // DR (and Local): the IP header is untouched but for TTL; the next hop is the real server.
    after = withIpv4(before, before.ttl - 1, before.src, before.dst, before.payload);
    nexthop = rt.res.gw ?? c.daddr;
  }
  host.sim.emitFixed(XMIT, host.name, c.id, skb.id, c.fwd, before, after, rt.dev, nexthop);
  // The stolen skb goes out as a new one (stack/skb.ts remakeSkb): its hook passage is over and
  // nothing else holds it.
  const out = remakeSkb(skb, after);
  out.ipvsProperty = true;
  if (rt.local) {
    ipLocalDeliver(host, out);
    return;
  }
  ipLocalOut(host, out, rt.dev, nexthop);
}

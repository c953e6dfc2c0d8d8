import { readIcmpOriginal } from '../packet/icmp';
import {
  ICMP_DEST_UNREACH,
  ICMP_ECHO,
  ICMP_ECHOREPLY,
  ICMP_TIME_EXCEEDED,
  IPPROTO_ICMP,
} from '../packet/types';
import type { Ipv4Packet } from '../packet/types';
import type { Host } from './host';
import { nextIpId } from './icmpSend';
import { ipLocalOut, routeOutput } from './ipOutput';
import { newSkb, type Skb } from './skb';

/** icmp_rcv: answer echo requests; hand echo replies and errors to the sockets. */
export function icmpRcv(host: Host, skb: Skb): void {
  const m = skb.pkt.payload;
  if (m.proto !== 'icmp') return;
  if (m.type === ICMP_ECHO) {
    const rt = routeOutput(host, skb.pkt.src, skb.pkt.dst);
    if (!rt.ok) return;
    const pkt: Ipv4Packet = {
      proto: 'ipv4',
      tos: skb.pkt.tos,
      id: nextIpId(host),
      df: false,
      mf: false,
      fragOffset: 0,
      ttl: 64,
      protocol: IPPROTO_ICMP,
      src: skb.pkt.dst,
      dst: skb.pkt.src,
      payload: {
        proto: 'icmp',
        type: ICMP_ECHOREPLY,
        code: 0,
        ident: m.ident,
        sequence: m.sequence,
        data: m.data,
      },
    };
    ipLocalOut(host, newSkb(host.sim.ids.next('pkt'), pkt), rt.dev, rt.nexthop);
    return;
  }
  if (m.type === ICMP_ECHOREPLY) {
    host.sockets.icmpEchoReply(skb);
    return;
  }
  if (m.type === ICMP_DEST_UNREACH || m.type === ICMP_TIME_EXCEEDED) {
    const orig = readIcmpOriginal(m.original);
    if (orig) host.sockets.icmpError(skb, m.type, m.code, orig);
  }
}

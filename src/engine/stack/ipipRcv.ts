import { ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, ICMP_PROT_UNREACH } from '../packet/types';
import type { Host } from './host';
import { icmpSendError } from './icmpSend';
import { newSkb, type Skb } from './skb';

/** An IPIP packet was unwrapped on tunl0: the outer and inner addresses. */
export interface IpipDecapEvent {
  kind: 'ipip.decap';
  host: string;
  pkt: string;
  outer: { src: string; dst: string };
  inner: { src: string; dst: string };
}

/**
 * ipip_rcv: with the ipip module loaded, tunl0 (the fallback device) takes every IPIP packet
 * addressed to us. Without the module the protocol is unknown and the sender gets ICMP protocol
 * unreachable; with tunl0 down, port unreachable (docs/linux-behaviour.md, "The labs").
 */
export function ipipRcv(host: Host, skb: Skb): Skb | undefined {
  const inner = skb.pkt.payload;
  const tunl = host.devices.get('tunl0');
  if (!host.modules.has('ipip') || !tunl) {
    host.sim.emit({
      kind: 'drop',
      host: host.name,
      pkt: skb.id,
      reason: 'protocol-unreachable',
      protocol: 4,
    });
    icmpSendError(host, skb, ICMP_DEST_UNREACH, ICMP_PROT_UNREACH);
    return;
  }
  if (!tunl.up) {
    // ip_tunnel_lookup takes the fallback tunl0 only while it is up; tunnel4_rcv then finds
    // no handler and answers port unreachable.
    host.sim.emit({ kind: 'drop', host: host.name, pkt: skb.id, reason: 'tunnel-down', dev: 'tunl0' });
    icmpSendError(host, skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH);
    return;
  }
  if (inner.proto !== 'ipv4') {
    host.sim.emit({ kind: 'drop', host: host.name, pkt: skb.id, reason: 'malformed-ipip' });
    return;
  }
  host.sim.emit({
    kind: 'ipip.decap',
    host: host.name,
    pkt: skb.id,
    outer: { src: skb.pkt.src, dst: skb.pkt.dst },
    inner: { src: inner.src, dst: inner.dst },
  });
  return newSkb(skb.id, inner, 'host');
}

import { packetLength } from '../packet/frame';
import { ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, ICMP_PROT_UNREACH } from '../packet/types';
import type { Host } from './host';
import { icmpSendError } from './icmpSend';
import { packedKind } from '../core/traceFixed';
import { remakeSkb, type Skb } from './skb';

/** An IPIP packet was unwrapped on tunl0: the outer and inner addresses. */
export interface IpipDecapEvent {
  kind: 'ipip.decap';
  host: string;
  pkt: string;
  outer: { src: string; dst: string };
  inner: { src: string; dst: string };
}

/** An unwrapping's event as emitted, from its stored form (the four addresses apart). */
function expandDecap(stored: Record<string, unknown>): IpipDecapEvent {
  return {
    kind: 'ipip.decap',
    host: stored.host as string,
    pkt: stored.pkt as string,
    outer: { src: stored.outerSrc as string, dst: stored.outerDst as string },
    inner: { src: stored.innerSrc as string, dst: stored.innerDst as string },
  };
}

/** Pushed as its values (core/traceFixed.ts): no event object and no address pairs per packet. */
const DECAP = packedKind<[string, string, string, string, string, string]>(
  'ipip.decap',
  ['host', 'pkt', 'outerSrc', 'outerDst', 'innerSrc', 'innerDst'],
  expandDecap as (stored: Record<string, unknown>) => IpipDecapEvent & Record<string, unknown>,
);

/**
 * ipip_rcv: with the ipip module loaded, tunl0 (the fallback device) takes every IPIP packet
 * addressed to us. Without the module the protocol is unknown and the sender gets ICMP protocol
 * unreachable; with tunl0 down, port unreachable (docs/linux-behaviour.md, "The labs").
 */
export function ipipRcv(host: Host, skb: Skb): Skb | undefined {
  const inner = skb.pkt.payload;
  const tunl = host.device('tunl0');
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
  host.sim.emitFixed(DECAP, host.name, skb.id, skb.pkt.src, skb.pkt.dst, inner.src, inner.dst);
  // tunl0 receives the inner packet (no link header).
  tunl.stats.rxPackets++;
  tunl.stats.rxBytes += packetLength(inner);
  // The outer packet's skb carries the inner one on (ip_local_deliver hands it no further).
  const out = remakeSkb(skb, inner);
  out.pktType = 'host';
  return out;
}

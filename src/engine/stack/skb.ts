import type { Ipv4, Ipv4Packet } from '../packet/types';

/**
 * A packet in flight inside one host (the kernel's sk_buff, reduced to what the labs need).
 * `pkt` is replaced, never mutated, when a hook rewrites the packet.
 */
export interface Skb {
  /** `pkt#N`: the same id follows the packet across hosts while its IP header lives. */
  id: string;
  pkt: Ipv4Packet;
  /** Device the packet arrived on (input path). */
  inDev?: string;
  /** PACKET_HOST or PACKET_BROADCAST, from the Ethernet destination. */
  pktType?: 'host' | 'broadcast';
  /** Output device and next hop, once routed. */
  outDev?: string;
  nexthop?: Ipv4;
  /** Route type the input routing decision found (local, unicast). */
  rtType?: string;
  /** IPVS already handled this packet (skb->ipvs_property): every IPVS hook skips it. */
  ipvsProperty?: boolean;
  /** Locally generated (output path). */
  local?: boolean;
  /** skb->mark: set by iptables' MARK target, read by IPVS fwmark services and `ip rule fwmark`. */
  mark?: number;
}

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
  inDev?: string | undefined;
  /** PACKET_HOST or PACKET_BROADCAST, from the Ethernet destination. */
  pktType?: 'host' | 'broadcast' | undefined;
  /** Output device and next hop, once routed. */
  outDev?: string | undefined;
  nexthop?: Ipv4 | undefined;
  /** Route type the input routing decision found (local, unicast). */
  rtType?: string | undefined;
  /** IPVS already handled this packet (skb->ipvs_property): every IPVS hook skips it. */
  ipvsProperty?: boolean | undefined;
  /** Locally generated (output path). */
  local?: boolean | undefined;
  /** skb->mark: set by iptables' MARK target, read by IPVS fwmark services and `ip rule fwmark`. */
  mark?: number | undefined;
}

/**
 * A new skb with every field present (undefined until set), in one order: each skb then has one
 * hidden class however far it gets, and the hot path's property reads (hooks, routing, output)
 * stay monomorphic instead of meeting a shape per set of fields added so far.
 */
export function newSkb(id: string, pkt: Ipv4Packet, pktType?: 'host' | 'broadcast'): Skb {
  return {
    id,
    pkt,
    inDev: undefined,
    pktType,
    outDev: undefined,
    nexthop: undefined,
    rtType: undefined,
    ipvsProperty: undefined,
    local: undefined,
    mark: undefined,
  };
}

/**
 * `skb` made over for `pkt`, as newSkb(skb.id, pkt) would make it: every field but the id cleared
 * (input device, route type, mark…). For a packet that goes out again as a new one (IPVS's
 * transmitters) from an skb nothing else holds any more: no second skb per forwarded packet.
 */
export function remakeSkb(skb: Skb, pkt: Ipv4Packet): Skb {
  skb.pkt = pkt;
  skb.inDev = undefined;
  skb.pktType = undefined;
  skb.outDev = undefined;
  skb.nexthop = undefined;
  skb.rtType = undefined;
  skb.ipvsProperty = undefined;
  skb.local = undefined;
  skb.mark = undefined;
  return skb;
}

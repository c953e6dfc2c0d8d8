/**
 * IP-in-IP (RFC 2003, protocol 4): an Ipv4Packet whose payload is another Ipv4Packet. This is
 * what the IPVS tunnel forwarder (ip_vs_tunnel_xmit) sends to a real server, and what the
 * real server's tunl0 unwraps.
 */
import { IPPROTO_IPIP } from './types';
import type { Ipv4, Ipv4Packet } from './types';

/** The outer header's choices. Unset fields follow ip_vs_tunnel_xmit. */
export interface IpipOuter {
  src: Ipv4;
  dst: Ipv4;
  /** Outer IP id (ip_select_ident picks it in Linux); default 0. */
  id?: number;
  /** Default: the inner TTL. */
  ttl?: number;
  /** Default: the inner TOS (DSCP and ECN copied). */
  tos?: number;
  /** Default: the inner DF bit (IPVS with pmtu_disc on, the default). */
  df?: boolean;
}

/** Wraps `inner` in an outer IPv4 header with protocol 4. */
export function encapsulateIpip(inner: Ipv4Packet, outer: IpipOuter): Ipv4Packet {
  return {
    proto: 'ipv4',
    tos: outer.tos ?? inner.tos,
    id: outer.id ?? 0,
    df: outer.df ?? inner.df,
    mf: false,
    fragOffset: 0,
    ttl: outer.ttl ?? inner.ttl,
    protocol: IPPROTO_IPIP,
    src: outer.src,
    dst: outer.dst,
    payload: inner,
  };
}

export function isIpip(p: Ipv4Packet): boolean {
  return p.protocol === IPPROTO_IPIP && p.payload.proto === 'ipv4';
}

/** The inner packet of an IPIP packet; undefined when `p` is not one (or is a fragment kept raw). */
export function decapsulateIpip(p: Ipv4Packet): Ipv4Packet | undefined {
  return p.protocol === IPPROTO_IPIP && p.payload.proto === 'ipv4' ? p.payload : undefined;
}

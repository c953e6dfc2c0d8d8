import { ICMP_DEST_UNREACH, ICMP_TIME_EXCEEDED, IPPROTO_ICMP } from '../packet/types';
import type { IcmpMessage, Ipv4, Ipv4Packet } from '../packet/types';
import { icmpErrorFor } from '../packet/icmp';
import { ICMP_LINUX_QUOTE } from '../packet/icmpQuote';
import { SEC } from '../core/sim';
import { isMulticast, LIMITED_BROADCAST } from './addrMath';
import type { Host } from './host';
import { ipLocalOut, routeOutput } from './ipOutput';
import { newSkb, type Skb } from './skb';

/** icmp_send held back by the per-destination rate limit. */
export interface IcmpRatelimitedEvent {
  kind: 'icmp.ratelimited';
  host: string;
  pkt: string;
  to: string;
  type: number;
  code: number;
}

/** The host sent an ICMP error (`pkt` is the new packet, `about` the one it reports on). */
export interface IcmpSendEvent {
  kind: 'icmp.send';
  host: string;
  pkt: string;
  about: string;
  to: string;
  type: number;
  code: number;
}

const ICMP_ERROR_TYPES = new Set([ICMP_DEST_UNREACH, 4, 5, ICMP_TIME_EXCEEDED, 12]);

/** icmp_ratelimit's per-destination token bucket (1 s, burst 6), kept on the host. */
function rateAllows(host: Host, dst: string): boolean {
  const m = host.icmpBuckets;
  const now = host.sim.now;
  const b = m.get(dst) ?? { tokens: 6 * SEC, at: now };
  b.tokens = Math.min(6 * SEC, b.tokens + (now - b.at));
  b.at = now;
  m.set(dst, b);
  if (b.tokens < SEC) return false;
  b.tokens -= SEC;
  return true;
}

/**
 * icmp_send: an ICMP error about `skb` back to its source. Never about an ICMP error, a
 * broadcast or multicast, or a non-first fragment. The source is the offending packet's
 * destination when that was us, else what routing picks. Linux quotes up to 548 bytes.
 */
export function icmpSendError(host: Host, skb: Skb, type: number, code: number, mtu = 0): void {
  const p = skb.pkt;
  const isError =
    p.protocol === IPPROTO_ICMP && p.payload.proto === 'icmp' && ICMP_ERROR_TYPES.has(p.payload.type);
  icmpSendQuoted(host, skb.id, p, isError, icmpErrorFor(p, ICMP_LINUX_QUOTE), type, code, mtu);
}

/** The addresses icmp_send reads from the offending header. */
export interface OffendingHeader {
  src: Ipv4;
  dst: Ipv4;
  fragOffset: number;
}

/**
 * icmp_send about a packet known only by its header and the bytes to quote (IPVS relays an
 * error about the client's packet it found quoted inside a real server's error).
 */
export function icmpSendQuoted(
  host: Host,
  about: string,
  p: OffendingHeader,
  aboutIcmpError: boolean,
  original: string,
  type: number,
  code: number,
  mtu = 0,
): void {
  if (p.fragOffset !== 0 || p.dst === LIMITED_BROADCAST || isMulticast(p.dst) || p.src === '0.0.0.0') return;
  if (aboutIcmpError) return;
  if (!host.isLocalAddr(p.src) && !rateAllows(host, p.src)) {
    host.sim.emit({ kind: 'icmp.ratelimited', host: host.name, pkt: about, to: p.src, type, code });
    return;
  }
  const saddr = host.isLocalAddr(p.dst) ? p.dst : undefined;
  const rt = routeOutput(host, p.src, saddr);
  if (!rt.ok) return;
  const msg: IcmpMessage = { proto: 'icmp', type: type as typeof ICMP_DEST_UNREACH, code, mtu, original };
  const pkt: Ipv4Packet = {
    proto: 'ipv4',
    tos: 0xc0,
    id: nextIpId(host),
    df: false,
    mf: false,
    fragOffset: 0,
    ttl: 64,
    protocol: IPPROTO_ICMP,
    src: rt.src,
    dst: p.src,
    payload: msg,
  };
  if (type === ICMP_DEST_UNREACH) host.count('IcmpOutDestUnreachs');
  if (type === ICMP_TIME_EXCEEDED) host.count('IcmpOutTimeExcds');
  const id = host.sim.ids.next('pkt');
  host.sim.emit({ kind: 'icmp.send', host: host.name, pkt: id, about, to: p.src, type, code });
  ipLocalOut(host, newSkb(id, pkt), rt.dev, rt.nexthop);
}

/** IP ids: a per-host counter started from the seeded stream (Linux hashes per destination). */
export function nextIpId(host: Host): number {
  const v = ((host.ipId ?? host.sim.rng.child(`ipid:${host.name}`).int(65536)) + 1) & 0xffff;
  host.ipId = v;
  return v;
}

import { fixedKind } from '../core/traceFixed';
import type { IpvsConnState } from './tcpStates';
import type { Ipv4Packet } from '../packet/types';
import { ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, IPPROTO_ICMP } from '../packet/types';
import { packetLength } from '../packet/frame';
import { withIpv4, withTcpPorts } from '../packet/rewrite';
import { icmpSendError } from '../stack/icmpSend';
import type { HookName, HookResult } from '../stack/netfilter';
import type { Skb } from '../stack/skb';
import { ipvsInIcmp, ipvsOutIcmp } from './icmp';
import type { IpvsConn } from './conn';
import type { Ipvs } from './ipvs';
import { scheduleConn } from './schedule';
import type { PacketTuple } from './schedule';
import { transition } from './transition';
import { transmit } from './xmit';

/** A TIME_WAIT/CLOSE entry is expired at once so a new SYN on its tuple is scheduled again (conn_reuse_mode). */
export interface IpvsConnReuseEvent {
  kind: 'ipvs.conn';
  host: string;
  conn: string;
  event: 'reuse-expire';
  state: IpvsConnState;
}

/** The service matched but its scheduler found no usable real server: the packet is dropped. */
export interface IpvsNoDestEvent {
  kind: 'ipvs.no-dest';
  host: string;
  pkt: string;
  scheduler: string;
  service: string;
}

/** A NAT reply's source rewritten from the real server to the virtual service. */
export interface IpvsSnatEvent {
  kind: 'ipvs.snat';
  host: string;
  conn: string;
  pkt: string;
  before: Ipv4Packet;
  after: Ipv4Packet;
}

const ACCEPT: HookResult = { verdict: 'ACCEPT' };

/** Pushed as its values (core/traceFixed.ts): no event object per NAT reply. */
const SNAT = fixedKind<IpvsSnatEvent>()('ipvs.snat', ['host', 'conn', 'pkt', 'before', 'after']);

/** Register IPVS at the kernel's hook points and priorities (ip_vs_ops4; docs/linux-behaviour.md A10). */
export function registerIpvsHooks(ipvs: Ipvs): void {
  const h = ipvs.host.hooks;
  const inFn = (skb: Skb, hook: HookName): HookResult => ipvsIn(ipvs, skb, hook);
  const outFn = (skb: Skb, hook: HookName): HookResult => ipvsOut(ipvs, skb, hook);
  const fwdIcmp = (skb: Skb): HookResult =>
    skb.pkt.protocol === IPPROTO_ICMP ? ipvsInIcmp(ipvs, skb, 'FORWARD') : ACCEPT;
  h.register('INPUT', { name: 'ip_vs_out_hook', priority: 98, fn: outFn });
  h.register('INPUT', { name: 'ip_vs_in_hook', priority: 99, fn: inFn });
  h.register('OUTPUT', { name: 'ip_vs_out_hook', priority: -99, fn: outFn });
  h.register('OUTPUT', { name: 'ip_vs_in_hook', priority: -98, fn: inFn });
  h.register('FORWARD', { name: 'ip_vs_forward_icmp', priority: 99, fn: fwdIcmp });
  h.register('FORWARD', { name: 'ip_vs_out_hook', priority: 100, fn: outFn });
}

/** The packet's 5-tuple, made only when a new connection is scheduled (not per packet). */
function tuple(skb: Skb, proto: 'TCP' | 'UDP', sport: number, dport: number): PacketTuple {
  return { proto, saddr: skb.pkt.src, sport, daddr: skb.pkt.dst, dport };
}

function countIn(s: { counters: { inpkts: number; inbytes: number } }, len: number): void {
  s.counters.inpkts++;
  s.counters.inbytes += len;
}

function countOut(s: { counters: { outpkts: number; outbytes: number } }, len: number): void {
  s.counters.outpkts++;
  s.counters.outbytes += len;
}

/** ip_vs_in: find or schedule the connection, update state and stats, and transmit (STOLEN). */
export function ipvsIn(ipvs: Ipvs, skb: Skb, hook: HookName): HookResult {
  if (skb.ipvsProperty) return ACCEPT;
  if (hook === 'INPUT' && skb.pktType === 'broadcast') return ACCEPT;
  if (hook === 'OUTPUT' && !skb.local) return ACCEPT;
  if (skb.pkt.protocol === IPPROTO_ICMP) return ipvsInIcmp(ipvs, skb, hook);
  // The tuple is read in place: this runs for every packet through the director.
  const p = skb.pkt.payload;
  if (p.proto !== 'tcp' && p.proto !== 'udp') return ACCEPT;
  const proto = p.proto === 'tcp' ? 'TCP' : 'UDP';
  const flags = p.proto === 'tcp' ? p.flags : undefined;
  const { src, dst } = skb.pkt;
  const sport = p.srcPort;
  const dport = p.dstPort;
  const syn = flags !== undefined && (flags & 0x02) !== 0 && (flags & 0x04) === 0;
  let c = ipvs.conns.findIn(proto, src, sport, dst, dport);
  if (
    c &&
    syn &&
    !c.control &&
    (c.state === 'TIME_WAIT' || c.state === 'CLOSE') &&
    ipvs.sysctl('conn_reuse_mode') !== 0
  ) {
    ipvs.host.sim.emit({
      kind: 'ipvs.conn',
      host: ipvs.host.name,
      conn: c.id,
      event: 'reuse-expire',
      state: c.state,
    });
    c.expires = ipvs.host.sim.now;
    ipvs.expire(c);
    c = undefined;
  }
  if (c && !c.dest.available) {
    if (ipvs.sysctl('expire_nodest_conn') === 1) {
      ipvs.expire(c);
      c = undefined;
    } else return { verdict: 'DROP', reason: 'ipvs-dest-unavailable' };
  }
  if (!c) {
    const svc = ipvs.serviceFor(p.proto, dst, dport, skb.mark ?? 0);
    if (!svc) return ACCEPT;
    if (proto === 'TCP' && !syn && ipvs.sysctl('sloppy_tcp') === 0) return ACCEPT;
    c = scheduleConn(ipvs, svc, tuple(skb, proto, sport, dport), skb.id);
    if (!c) {
      ipvs.host.sim.emit({
        kind: 'ipvs.no-dest',
        host: ipvs.host.name,
        pkt: skb.id,
        scheduler: svc.scheduler.name,
        service: `${proto} ${dst}:${dport}`,
      });
      return noDestination(ipvs, skb);
    }
  }
  const len = packetLength(skb.pkt);
  countIn(c.dest.stats, len);
  countIn(c.svc.stats, len);
  countIn(ipvs.stats, len);
  transition(ipvs, c, 'in', flags, skb.id);
  if (c.onePacket) c.timeoutUs = 0;
  ipvs.conns.touch(c);
  return new Stolen(ipvs, c, skb);
}

/**
 * ip_vs_in's STOLEN: the packet goes on to its real server once the hook passage is in the trace.
 * A record with a method, not an object literal with a closure: ipvsIn then captures nothing, and
 * V8 allocates no context on its every call (four per packet through the director).
 */
class Stolen implements HookResult {
  readonly verdict = 'STOLEN';
  constructor(
    private readonly ipvs: Ipvs,
    private readonly conn: IpvsConn,
    /** Not `skb`: HookResult's `skb` is the packet a hook hands on. */
    private readonly packet: Skb,
  ) {}
  then(): void {
    transmit(this.ipvs, this.conn, this.packet);
    if (this.conn.onePacket) this.ipvs.expire(this.conn);
  }
}

/** The scheduler found no real server: the packet is dropped and the client told (port unreachable). */
function noDestination(ipvs: Ipvs, skb: Skb): HookResult {
  const host = ipvs.host;
  return {
    verdict: 'DROP',
    reason: 'ipvs-no-destination',
    then() {
      icmpSendError(host, skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH);
    },
  };
}

/** ip_vs_out: a NAT reply from a real server gets the VIP:vport back as its source. */
export function ipvsOut(ipvs: Ipvs, skb: Skb, hook: HookName): HookResult {
  if (skb.ipvsProperty) return ACCEPT;
  if (skb.pkt.protocol === IPPROTO_ICMP) return ipvsOutIcmp(ipvs, skb, hook);
  const before = skb.pkt;
  const p = before.payload;
  if (p.proto !== 'tcp' && p.proto !== 'udp') return ACCEPT;
  const proto = p.proto === 'tcp' ? 'TCP' : 'UDP';
  const c = ipvs.conns.findOut(proto, before.src, p.srcPort, before.dst, p.dstPort);
  if (!c || c.fwd !== 'masq') return ACCEPT;
  const payload = p.proto === 'tcp' ? withTcpPorts(p, c.vport, p.dstPort) : { ...p, srcPort: c.vport };
  const after = withIpv4(before, before.ttl, c.vaddr, before.dst, payload);
  const len = packetLength(before);
  countOut(c.dest.stats, len);
  countOut(c.svc.stats, len);
  countOut(ipvs.stats, len);
  ipvs.host.sim.emitFixed(SNAT, ipvs.host.name, c.id, skb.id, before, after);
  transition(ipvs, c, 'out', p.proto === 'tcp' ? p.flags : undefined, skb.id);
  ipvs.conns.touch(c);
  // The skb takes the rewritten packet in place, as ip_forward's TTL copy and MARK do (no new skb
  // and result per reply): nothing holds the skb past its hook passage, and the packets themselves,
  // which the trace records, are never written.
  skb.pkt = after;
  skb.ipvsProperty = true;
  return ACCEPT;
}

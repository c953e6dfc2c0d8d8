import type { IpvsConnState } from './tcpStates';
import type { Ipv4Packet } from '../packet/types';
import { ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, IPPROTO_ICMP } from '../packet/types';
import { packetLength } from '../packet/frame';
import { icmpSendError } from '../stack/icmpSend';
import type { HookName, HookResult } from '../stack/netfilter';
import type { Skb } from '../stack/skb';
import { ipvsInIcmp, ipvsOutIcmp } from './icmp';
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

function tuple(skb: Skb): (PacketTuple & { flags: number | undefined }) | undefined {
  const p = skb.pkt.payload;
  if (p.proto === 'tcp')
    return {
      proto: 'TCP',
      saddr: skb.pkt.src,
      sport: p.srcPort,
      daddr: skb.pkt.dst,
      dport: p.dstPort,
      flags: p.flags,
    };
  if (p.proto === 'udp')
    return {
      proto: 'UDP',
      saddr: skb.pkt.src,
      sport: p.srcPort,
      daddr: skb.pkt.dst,
      dport: p.dstPort,
      flags: undefined,
    };
  return undefined;
}

function countIn(ipvs: Ipvs, skb: Skb, stats: { counters: { inpkts: number; inbytes: number } }[]): void {
  const len = packetLength(skb.pkt);
  for (const s of stats) {
    s.counters.inpkts++;
    s.counters.inbytes += len;
  }
}

/** ip_vs_in: find or schedule the connection, update state and stats, and transmit (STOLEN). */
export function ipvsIn(ipvs: Ipvs, skb: Skb, hook: HookName): HookResult {
  if (skb.ipvsProperty) return ACCEPT;
  if (hook === 'INPUT' && skb.pktType === 'broadcast') return ACCEPT;
  if (hook === 'OUTPUT' && !skb.local) return ACCEPT;
  if (skb.pkt.protocol === IPPROTO_ICMP) return ipvsInIcmp(ipvs, skb, hook);
  const t = tuple(skb);
  if (!t) return ACCEPT;
  const syn = t.flags !== undefined && (t.flags & 0x02) !== 0 && (t.flags & 0x04) === 0;
  let c = ipvs.conns.findIn(t.proto, t.saddr, t.sport, t.daddr, t.dport);
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
    const svc = ipvs.serviceFor(t.proto === 'TCP' ? 'tcp' : 'udp', t.daddr, t.dport, skb.mark ?? 0);
    if (!svc) return ACCEPT;
    if (t.proto === 'TCP' && !syn && ipvs.sysctl('sloppy_tcp') === 0) return ACCEPT;
    c = scheduleConn(ipvs, svc, t, skb.id);
    if (!c) {
      ipvs.host.sim.emit({
        kind: 'ipvs.no-dest',
        host: ipvs.host.name,
        pkt: skb.id,
        scheduler: svc.scheduler.name,
        service: `${t.proto} ${t.daddr}:${t.dport}`,
      });
      const host = ipvs.host;
      return {
        verdict: 'DROP',
        reason: 'ipvs-no-destination',
        then: () => icmpSendError(host, skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH),
      };
    }
  }
  countIn(ipvs, skb, [c.dest.stats, c.svc.stats, ipvs.stats]);
  transition(ipvs, c, 'in', t.flags, skb.id);
  if (c.onePacket) c.timeoutUs = 0;
  ipvs.conns.touch(c);
  const conn = c;
  return {
    verdict: 'STOLEN',
    then: () => {
      transmit(ipvs, conn, skb);
      if (conn.onePacket) ipvs.expire(conn);
    },
  };
}

/** ip_vs_out: a NAT reply from a real server gets the VIP:vport back as its source. */
export function ipvsOut(ipvs: Ipvs, skb: Skb, hook: HookName): HookResult {
  if (skb.ipvsProperty) return ACCEPT;
  if (skb.pkt.protocol === IPPROTO_ICMP) return ipvsOutIcmp(ipvs, skb, hook);
  const t = tuple(skb);
  if (!t) return ACCEPT;
  const c = ipvs.conns.findOut(t.proto, t.saddr, t.sport, t.daddr, t.dport);
  if (!c || c.fwd !== 'masq') return ACCEPT;
  const before = skb.pkt;
  const p = before.payload;
  const payload = p.proto === 'tcp' || p.proto === 'udp' ? { ...p, srcPort: c.vport } : p;
  const after = { ...before, src: c.vaddr, payload };
  const len = packetLength(before);
  for (const s of [c.dest.stats, c.svc.stats, ipvs.stats]) {
    s.counters.outpkts++;
    s.counters.outbytes += len;
  }
  ipvs.host.sim.emit({
    kind: 'ipvs.snat',
    host: ipvs.host.name,
    conn: c.id,
    pkt: skb.id,
    before,
    after,
    // Stamped by the trace; declared here so the event is born with its final shape.
    t: 0,
    seq: 0,
  });
  transition(ipvs, c, 'out', t.flags, skb.id);
  ipvs.conns.touch(c);
  return { verdict: 'ACCEPT', skb: { ...skb, pkt: after, ipvsProperty: true } };
}

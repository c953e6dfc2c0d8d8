import { newSkb } from './skb';
import { MSEC } from '../core/sim';
import { packedKind } from '../core/traceFixed';
import { IPPROTO_TCP, TCP_ACK, TCP_SYN } from '../packet/types';
import type { Ipv4, Ipv4Packet, TcpSegment } from '../packet/types';
import type { Host } from './host';
import { ipLocalOut, routeOutput } from './ipOutput';
import { tcpOptionsFor } from './tcpOptionsOut';
import * as C from './tcpTypes';
import type { SockEvent } from './tcpSock';
import type { TcpState } from './tcpTypes';

/** What a TCP endpoint sends from: a live socket, or the TIME-WAIT record that replaced it. */
export interface TcpEndpoint {
  readonly host: Host;
  readonly id: string;
  readonly laddr: Ipv4;
  readonly lport: number;
  readonly raddr: Ipv4;
  readonly rport: number;
  readonly rcvNxt: number;
  readonly tsRecent: number;
  readonly peerTs: boolean;
  /** The last IPv4 id used: each segment takes the next. */
  ipId: number;
}

/**
 * Build a segment and send it down: routing, OUTPUT, POSTROUTING, neighbour. False when no route
 * (a `drop` is in the trace). Shared by TcpSock and TcpTimeWait, so an ACK from TIME-WAIT is the
 * segment the socket itself would have sent.
 */
export function tcpXmit(ep: TcpEndpoint, seq: number, flags: number, data: string): boolean {
  const host = ep.host;
  const window = flags & TCP_SYN ? (flags & TCP_ACK ? C.TCP_SYNACK_WINDOW : C.TCP_SYN_WINDOW) : C.TCP_WINDOW;
  // Linux's TS clock: milliseconds, offset per host so hosts do not share a clock.
  const tsval = (Math.floor(host.sim.now / MSEC) + host.index * 1_000_003) >>> 0;
  const seg: TcpSegment = {
    proto: 'tcp',
    srcPort: ep.lport,
    dstPort: ep.rport,
    seq,
    ack: flags & TCP_ACK ? ep.rcvNxt : 0,
    flags,
    window,
    urgent: 0,
    options: tcpOptionsFor(flags, tsval, ep.tsRecent, ep.peerTs),
    data,
  };
  const rt = routeOutput(host, ep.raddr, ep.laddr);
  if (!rt.ok) {
    host.sim.emit({ kind: 'drop', host: host.name, sock: ep.id, reason: rt.reason, dst: ep.raddr });
    return false;
  }
  ep.ipId = (ep.ipId + 1) & 0xffff;
  const pkt: Ipv4Packet = {
    proto: 'ipv4',
    tos: 0,
    id: ep.ipId,
    df: true,
    mf: false,
    fragOffset: 0,
    ttl: 64,
    protocol: IPPROTO_TCP,
    src: ep.laddr,
    dst: ep.raddr,
    payload: seg,
  };
  ipLocalOut(host, newSkb(host.sim.ids.next('pkt'), pkt), rt.dev, rt.nexthop);
  return true;
}

/** A state change's event as emitted, from its stored form (the ends' addresses and ports apart). */
function expandSock(stored: Record<string, unknown>): SockEvent {
  return {
    kind: 'sock',
    host: stored.host as string,
    sock: stored.sock as string,
    proto: 'tcp',
    from: stored.from as TcpState,
    to: stored.to as TcpState,
    reason: stored.reason as string,
    local: `${stored.laddr as string}:${stored.lport as number}`,
    remote: `${stored.raddr as string}:${stored.rport as number}`,
  };
}

/**
 * A state change, pushed as its values (traceFixed.ts): no event object, and its ends as an
 * address and a port each, joined into `ip:port` only when read (a client's ends are new strings
 * every connection: formatting them and interning them in the store cost more than the event).
 */
const SOCK = packedKind<[string, string, TcpState, TcpState, string, string, number, string, number]>(
  'sock',
  ['host', 'sock', 'from', 'to', 'reason', 'laddr', 'lport', 'raddr', 'rport'],
  expandSock as (stored: Record<string, unknown>) => SockEvent & Record<string, unknown>,
);

/** The `sock` event of a state change, the same shape from a socket and from its TIME-WAIT record. */
export function emitSockState(ep: TcpEndpoint, from: TcpState, to: TcpState, reason: string): void {
  ep.host.sim.emitFixed(SOCK, ep.host.name, ep.id, from, to, reason, ep.laddr, ep.lport, ep.raddr, ep.rport);
}

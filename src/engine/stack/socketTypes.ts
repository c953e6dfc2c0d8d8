import type { Ipv4 } from '../packet/types';
import type { TcpSock } from './tcpSock';
import type { TcpCallbacks } from './tcpTypes';

/* What the socket table (socketTable.ts) holds, is asked with, and emits. */

/** A TCP segment found no socket (or only a listener for a non-SYN): the host answers with RST. */
export interface TcpNoSocketEvent {
  kind: 'tcp.no-socket';
  host: string;
  pkt: string;
  dst: string;
  port: number;
  listener: boolean;
}

/** An ICMP error arrived about a packet this host sent (`about` is `src>dst` of the quote). */
export interface IcmpRcvErrorEvent {
  kind: 'icmp.rcv-error';
  host: string;
  pkt: string;
  from: string;
  type: number;
  code: number;
  about: string;
}

export interface TcpListener {
  laddr: Ipv4; // 0.0.0.0 = any
  port: number;
  /** Called for each new connection once it is ESTAB; returns the app's callbacks. */
  accept(sock: TcpSock): TcpCallbacks;
  /** Program name for `ss -p` style displays. */
  owner: string;
}

export interface UdpBinding {
  laddr: Ipv4;
  port: number;
  onDatagram(src: Ipv4, sport: number, dst: Ipv4, data: string): void;
  owner: string;
}

export interface EchoWaiter {
  ident: number;
  onReply(src: Ipv4, sequence: number, ttl: number): void;
  onError?(src: Ipv4, type: number, code: number, sequence: number): void;
}

/** Where a connecting socket is bound before connect(): curl --interface/--local-port, ab -B. */
export interface BindTo {
  laddr?: Ipv4;
  lport?: number;
}

import { utf8Length } from '../packet/bytes';
import {
  ICMP_DEST_UNREACH,
  ICMP_HOST_UNREACH,
  ICMP_NET_UNREACH,
  ICMP_PORT_UNREACH,
  IPPROTO_TCP,
  IPPROTO_UDP,
  TCP_ACK,
  TCP_FIN,
  TCP_RST,
  TCP_SYN,
} from '../packet/types';
import type { Ipv4, Ipv4Packet, TcpSegment } from '../packet/types';
import type { IcmpOriginal } from '../packet/icmp';
import type { Host } from './host';
import { icmpSendError } from './icmpSend';
import { ipLocalOut, routeOutput } from './ipOutput';
import type { Skb } from './skb';
import { TcpSock } from './tcpSock';
import type { SockError, TcpCallbacks } from './tcpTypes';

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

/** ip_local_port_range on CentOS 7. */
const PORT_LO = 32768;
const PORT_HI = 60999;

/** The host's sockets: TCP listeners and connections, UDP bindings, ping waiters; demux and RST. */
export class SocketTable {
  readonly listeners = new Map<string, TcpListener>();
  readonly conns = new Map<string, TcpSock>();
  readonly udp = new Map<string, UdpBinding>();
  readonly echo = new Map<number, EchoWaiter>();
  private nextPort?: number;

  constructor(private readonly host: Host) {}

  listen(l: TcpListener): 'in-use' | undefined {
    const k = `${l.laddr}:${l.port}`;
    if (this.listeners.has(k)) return 'in-use';
    this.listeners.set(k, l);
    return undefined;
  }

  unlisten(laddr: Ipv4, port: number): void {
    this.listeners.delete(`${laddr}:${port}`);
  }

  /** Pick an ephemeral port: a seeded start, then the next free one (as __inet_hash_connect walks). */
  ephemeralPort(laddr: Ipv4, raddr: Ipv4, rport: number): number {
    if (this.nextPort === undefined)
      this.nextPort = PORT_LO + this.host.sim.rng.child(`ports:${this.host.name}`).int(PORT_HI - PORT_LO + 1);
    for (let i = 0; i <= PORT_HI - PORT_LO; i++) {
      const p: number = this.nextPort;
      this.nextPort = p >= PORT_HI ? PORT_LO : p + 1;
      const busy = [...this.conns.values()].some(
        (c) => c.lport === p && c.raddr === raddr && c.rport === rport,
      );
      if (!busy) return p;
    }
    return PORT_LO;
  }

  /** connect(): route, choose source address and port, send SYN. */
  connect(raddr: Ipv4, rport: number, cb: TcpCallbacks): TcpSock | SockError {
    const rt = routeOutput(this.host, raddr);
    if (!rt.ok) return 'ENETUNREACH';
    const sock = new TcpSock(this.host, rt.src, this.ephemeralPort(rt.src, raddr, rport), raddr, rport, cb);
    this.conns.set(sock.key, sock);
    sock.connect();
    return sock;
  }

  remove(sock: TcpSock): void {
    if (this.conns.get(sock.key) === sock) this.conns.delete(sock.key);
  }

  private findListener(dst: Ipv4, port: number): TcpListener | undefined {
    return this.listeners.get(`${dst}:${port}`) ?? this.listeners.get(`0.0.0.0:${port}`);
  }

  /** tcp_v4_rcv: established lookup, then listener, else RST. */
  tcpRcv(skb: Skb): void {
    const seg = skb.pkt.payload;
    if (seg.proto !== 'tcp') return;
    const { src, dst } = skb.pkt;
    const sock = this.conns.get(`${dst}:${seg.dstPort}>${src}:${seg.srcPort}`);
    if (sock && !(sock.state === 'TIME-WAIT' && seg.flags & TCP_SYN && !(seg.flags & TCP_ACK))) {
      sock.input(seg);
      return;
    }
    if (sock) sock.destroy('time-wait-reused'); // a new SYN takes over a TIME-WAIT pair
    const l = this.findListener(dst, seg.dstPort);
    if (l && seg.flags & TCP_SYN && !(seg.flags & (TCP_ACK | TCP_RST))) {
      const child = new TcpSock(this.host, dst, seg.dstPort, src, seg.srcPort);
      child.onEstablished = (s) => {
        s.cb = l.accept(s);
      };
      this.conns.set(child.key, child);
      child.acceptSyn(seg);
      return;
    }
    if (seg.flags & TCP_RST) return;
    this.host.sim.emit({
      kind: 'tcp.no-socket',
      host: this.host.name,
      pkt: skb.id,
      dst,
      port: seg.dstPort,
      listener: l !== undefined,
    });
    this.sendReset(dst, src, seg);
  }

  /** tcp_v4_send_reset: RST (seq = their ACK), or RST+ACK covering what they sent. */
  sendReset(laddr: Ipv4, raddr: Ipv4, seg: TcpSegment): void {
    const hasAck = (seg.flags & TCP_ACK) !== 0;
    const len = utf8Length(seg.data) + (seg.flags & TCP_SYN ? 1 : 0) + (seg.flags & TCP_FIN ? 1 : 0);
    const rst: TcpSegment = {
      proto: 'tcp',
      srcPort: seg.dstPort,
      dstPort: seg.srcPort,
      seq: hasAck ? seg.ack : 0,
      ack: hasAck ? 0 : (seg.seq + len) >>> 0,
      flags: hasAck ? TCP_RST : TCP_RST | TCP_ACK,
      window: 0,
      urgent: 0,
      options: [],
      data: '',
    };
    this.sendIp(laddr, raddr, IPPROTO_TCP, rst);
  }

  private sendIp(src: Ipv4, dst: Ipv4, protocol: number, payload: Ipv4Packet['payload']): void {
    const rt = routeOutput(this.host, dst, src);
    if (!rt.ok) return;
    const pkt: Ipv4Packet = {
      proto: 'ipv4',
      tos: 0,
      id: 0,
      df: true,
      mf: false,
      fragOffset: 0,
      ttl: 64,
      protocol,
      src,
      dst,
      payload,
    };
    ipLocalOut(this.host, { id: this.host.sim.ids.next('pkt'), pkt }, rt.dev, rt.nexthop);
  }

  bindUdp(b: UdpBinding): 'in-use' | undefined {
    const k = `${b.laddr}:${b.port}`;
    if (this.udp.has(k)) return 'in-use';
    this.udp.set(k, b);
    return undefined;
  }

  sendUdp(src: Ipv4 | undefined, sport: number, dst: Ipv4, dport: number, data: string): boolean {
    const rt = routeOutput(this.host, dst, src);
    if (!rt.ok) return false;
    this.sendIp(rt.src, dst, IPPROTO_UDP, { proto: 'udp', srcPort: sport, dstPort: dport, data });
    return true;
  }

  udpRcv(skb: Skb): void {
    const d = skb.pkt.payload;
    if (d.proto !== 'udp') return;
    const b = this.udp.get(`${skb.pkt.dst}:${d.dstPort}`) ?? this.udp.get(`0.0.0.0:${d.dstPort}`);
    if (b) {
      b.onDatagram(skb.pkt.src, d.srcPort, skb.pkt.dst, d.data);
      return;
    }
    this.host.sim.emit({
      kind: 'drop',
      host: this.host.name,
      pkt: skb.id,
      reason: 'udp-port-unreachable',
      port: d.dstPort,
    });
    icmpSendError(this.host, skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH);
  }

  icmpEchoReply(skb: Skb): void {
    const m = skb.pkt.payload;
    if (m.proto !== 'icmp' || !('ident' in m)) return;
    this.echo.get(m.ident)?.onReply(skb.pkt.src, m.sequence, skb.pkt.ttl);
  }

  /** tcp_v4_err / udp_err: a hard error aborts a connecting socket. */
  icmpError(skb: Skb, type: number, code: number, orig: IcmpOriginal): void {
    const q = { ...orig, protocol: orig.header.protocol, src: orig.header.src, dst: orig.header.dst };
    this.host.sim.emit({
      kind: 'icmp.rcv-error',
      host: this.host.name,
      pkt: skb.id,
      from: skb.pkt.src,
      type,
      code,
      about: `${q.src}>${q.dst}`,
    });
    if (q.protocol === 1) {
      // The quote holds the echo header: type, code, checksum, identifier, sequence.
      const ident = parseInt(orig.dataHex.slice(8, 12), 16);
      const seq = parseInt(orig.dataHex.slice(12, 16), 16);
      if (Number.isNaN(ident)) return;
      this.echo.get(ident)?.onError?.(skb.pkt.src, type, code, Number.isNaN(seq) ? 0 : seq);
      return;
    }
    if (q.protocol !== IPPROTO_TCP || q.srcPort === undefined || q.dstPort === undefined) return;
    const sock = this.conns.get(`${q.src}:${q.srcPort}>${q.dst}:${q.dstPort}`);
    if (!sock) return;
    const err: SockError | undefined =
      type !== ICMP_DEST_UNREACH
        ? undefined
        : code === ICMP_PORT_UNREACH
          ? 'ECONNREFUSED'
          : code === ICMP_HOST_UNREACH
            ? 'EHOSTUNREACH'
            : code === ICMP_NET_UNREACH
              ? 'ENETUNREACH'
              : code === 2
                ? 'ENOPROTOOPT'
                : undefined;
    if (err && (sock.state === 'SYN-SENT' || sock.state === 'SYN-RECV')) sock.fail(err);
  }
}

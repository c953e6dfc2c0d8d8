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
import type { Rng } from '../core/rng';
import { icmpSendError } from './icmpSend';
import { ipLocalOut, routeOutput } from './ipOutput';
import { newSkb, type Skb } from './skb';
import { PORT_COUNT, PORT_LO, PortIndex } from './ephemeralPorts';
import { TcpSock } from './tcpSock';
import type { TcpTimeWait, TimeWaitEnds } from './tcpTimeWait';
import { TupleKeys } from './tupleKey';
import type { SockError, TcpCallbacks } from './tcpTypes';
import type { BindTo, EchoWaiter, TcpListener, UdpBinding } from './socketTypes';

/** The key no tuple packs to (tupleKey.ts: numbers from 0, else strings) that keeps `conns` from emptying. */
const KEEP = -1;

/** connect() with no bind(): shared, never written. */
const UNBOUND: BindTo = Object.freeze({});

/** The host's sockets: TCP listeners and connections, UDP bindings, ping waiters; demux and RST. */
export class SocketTable {
  private readonly listening = new Map<string, TcpListener>();
  /** By `${laddr}:${port}`; changed by listen and unlisten only (findListener's memo relies on it). */
  readonly listeners: ReadonlyMap<string, TcpListener> = this.listening;
  /**
   * Connections by (laddr, lport, raddr, rport) as a number (tupleKey.ts); one in TIME-WAIT is its
   * small record. Under KEEP, no connection: V8 reallocates a Map's table each time its last entry
   * goes, and a server's table went from none to one and back per request (about 150 bytes).
   */
  private readonly conns = new Map<number | string, TcpSock | TcpTimeWait | undefined>([[KEEP, undefined]]);
  private readonly keys = new TupleKeys();
  /** One TimeWaitEnds per (laddr, raddr): a memo, the same pair always gives an equal object. */
  private readonly ends = new Map<number | string, TimeWaitEnds>();
  readonly udp = new Map<string, UdpBinding>();
  readonly echo = new Map<number, EchoWaiter>();
  private ports?: PortIndex;
  /** Sockets whose port came from bind(), not from connect()'s search. */
  private readonly boundSocks = new WeakSet<TcpSock | TcpTimeWait>();
  /**
   * The entry last found or stored, kept while `conns` maps its tuple to it (every set and delete
   * below keeps it so): a connection's segments come one after another, so nearly every lookup
   * is four comparisons instead of a key packed into a heap number and a hash into a table of a
   * minute of TIME-WAIT records.
   */
  private last: TcpSock | TcpTimeWait | undefined = undefined;

  constructor(private readonly host: Host) {}

  /** Created on first use so that labs whose hosts never connect draw nothing from the rng. */
  private get portIndex(): PortIndex {
    if (!this.ports) {
      const rng = this.host.sim.rng.child(`ports:${this.host.name}`);
      this.ports = new PortIndex(rng.u32(), () => rng.int(PORT_COUNT));
    }
    return this.ports;
  }

  private keyOf(s: TcpSock | TcpTimeWait): number | string {
    return this.keys.store(0, s.laddr, s.lport, s.raddr, s.rport);
  }

  /** The connection for a segment from raddr:rport to laddr:lport, if any. */
  private find(laddr: Ipv4, lport: number, raddr: Ipv4, rport: number): TcpSock | TcpTimeWait | undefined {
    const m = this.last;
    if (m !== undefined && m.lport === lport && m.rport === rport && m.laddr === laddr && m.raddr === raddr)
      return m;
    const k = this.keys.find(0, laddr, lport, raddr, rport);
    const s = k === undefined ? undefined : this.conns.get(k);
    if (s !== undefined) this.last = s;
    return s;
  }

  private track(sock: TcpSock, bound = false): void {
    this.conns.set(this.keyOf(sock), sock);
    this.last = sock;
    if (bound) this.boundSocks.add(sock);
    this.portIndex.add(sock.laddr, sock.lport, sock.raddr, sock.rport, bound);
  }

  /** The host and addresses a TIME-WAIT record keeps, shared by all records of the pair. */
  endsOf(laddr: Ipv4, raddr: Ipv4): TimeWaitEnds {
    const last = this.lastEnds;
    if (last !== undefined && last.laddr === laddr && last.raddr === raddr) return last;
    const k = this.keys.store(0, laddr, 0, raddr, 0);
    let e = this.ends.get(k);
    if (!e) this.ends.set(k, (e = { host: this.host, laddr, raddr }));
    return (this.lastEnds = e);
  }

  /** The pair endsOf gave last (its entries are never replaced, so it stays right). */
  private lastEnds: TimeWaitEnds | undefined = undefined;

  /** The socket entered TIME-WAIT: its record takes its place (and its port). */
  timeWait(sock: TcpSock, tw: TcpTimeWait): void {
    const k = this.keyOf(sock);
    if (this.last !== sock && this.conns.get(k) !== sock) return;
    this.conns.set(k, tw);
    this.last = tw;
    if (this.boundSocks.delete(sock)) this.boundSocks.add(tw);
  }

  /** The connections and TIME-WAIT records, oldest first (ss). */
  connections(): (TcpSock | TcpTimeWait)[] {
    const out: (TcpSock | TcpTimeWait)[] = [];
    for (const c of this.conns.values()) if (c !== undefined) out.push(c);
    return out;
  }

  /** How many connections and TIME-WAIT records there are. */
  get connCount(): number {
    return this.conns.size - 1;
  }

  /** How many sockets sit in TIME-WAIT (ss -s). */
  timeWaitCount(): number {
    let n = 0;
    for (const c of this.conns.values()) if (c?.state === 'TIME-WAIT') n++;
    return n;
  }

  listen(l: TcpListener): 'in-use' | undefined {
    const k = `${l.laddr}:${l.port}`;
    if (this.listeners.has(k)) return 'in-use';
    this.listening.set(k, l);
    this.lkPort = -1;
    return undefined;
  }

  unlisten(laddr: Ipv4, port: number): void {
    this.listening.delete(`${laddr}:${port}`);
    this.lkPort = -1;
  }

  /** Would bind() to this address and port fail (not a local address; port taken)? */
  bindError(bind: BindTo): 'EADDRNOTAVAIL' | 'EADDRINUSE' | undefined {
    const want = bind.laddr !== undefined && bind.laddr !== '0.0.0.0' ? bind.laddr : undefined;
    if (want !== undefined && !this.host.isLocalAddr(want)) return 'EADDRNOTAVAIL';
    const p = bind.lport;
    if (p === undefined) return undefined;
    const listening =
      this.listeners.has(`0.0.0.0:${p}`) ||
      (want === undefined
        ? [...this.listeners.values()].some((l) => l.port === p)
        : this.listeners.has(`${want}:${p}`));
    return listening || !this.portIndex.bindable(want ?? '0.0.0.0', p) ? 'EADDRINUSE' : undefined;
  }

  /** connect(): route, choose source address and port (bind() first when asked), send SYN. */
  connect(raddr: Ipv4, rport: number, cb: TcpCallbacks, bind: BindTo = UNBOUND): TcpSock | SockError {
    const err = this.bindError(bind);
    if (err !== undefined) return err;
    const want = bind.laddr !== undefined && bind.laddr !== '0.0.0.0' ? bind.laddr : undefined;
    let lport = bind.lport;
    const rt = routeOutput(this.host, raddr, want);
    if (!rt.ok) return 'ENETUNREACH';
    const bound = lport !== undefined || want !== undefined;
    if (lport === undefined)
      lport = bound ? this.portIndex.bindPort(rt.src) : this.portIndex.connectPort(rt.src, raddr, rport);
    if (lport === undefined) return 'EADDRNOTAVAIL';
    const sock = new TcpSock(this.host, rt.src, lport, this.keys.canon(raddr), rport, cb);
    this.track(sock, bound);
    sock.connect();
    return sock;
  }

  remove(sock: TcpSock | TcpTimeWait): void {
    const k = this.keyOf(sock);
    if (this.last !== sock && this.conns.get(k) !== sock) return;
    this.conns.delete(k);
    if (this.last === sock) this.last = undefined;
    const bound = this.boundSocks.delete(sock);
    this.portIndex.remove(sock.laddr, sock.lport, sock.raddr, sock.rport, bound);
  }

  /**
   * The listener for the last address and port asked (lkPort -1: none asked since the listeners
   * changed; listen and unlisten reset it): a server answers SYN after SYN to one address and
   * port, and its listener is nearly always the wildcard's, found by a second lookup.
   */
  private lkDst = '';
  private lkPort = -1;
  private lk: TcpListener | undefined = undefined;

  private findListener(dst: Ipv4, port: number): TcpListener | undefined {
    if (port === this.lkPort && dst === this.lkDst) return this.lk;
    const l = this.listeners.get(`${dst}:${port}`) ?? this.listeners.get(`0.0.0.0:${port}`);
    this.lkDst = dst;
    this.lkPort = port;
    return (this.lk = l);
  }

  /** tcp_v4_rcv: established lookup, then listener, else RST. */
  tcpRcv(skb: Skb): void {
    const seg = skb.pkt.payload;
    if (seg.proto !== 'tcp') return;
    const { src, dst } = skb.pkt;
    const sock = this.find(dst, seg.dstPort, src, seg.srcPort);
    if (sock && !(sock.state === 'TIME-WAIT' && seg.flags & TCP_SYN && !(seg.flags & TCP_ACK))) {
      sock.input(seg);
      return;
    }
    if (sock) sock.destroy('time-wait-reused'); // a new SYN takes over a TIME-WAIT pair
    const l = this.findListener(dst, seg.dstPort);
    if (l && seg.flags & TCP_SYN && !(seg.flags & (TCP_ACK | TCP_RST))) {
      const child = new TcpSock(this.host, dst, seg.dstPort, src, seg.srcPort);
      child.listener = l;
      this.track(child);
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
    ipLocalOut(this.host, newSkb(this.host.sim.ids.next('pkt'), pkt), rt.dev, rt.nexthop);
  }

  /** UDP autobind (udp_lib_get_port): a random start, then the first port no UDP socket holds. */
  udpEphemeralPort(laddr: Ipv4): number {
    const start = this.udpStart();
    for (let i = 0; i < PORT_COUNT; i++) {
      const port = PORT_LO + ((start + i) % PORT_COUNT);
      if (!this.udp.has(`${laddr}:${port}`) && !this.udp.has(`0.0.0.0:${port}`)) return port;
    }
    return PORT_LO;
  }

  private udpRng?: () => number;
  private udpStart(): number {
    if (!this.udpRng) {
      const rng = this.host.sim.rng.child(`udp-ports:${this.host.name}`);
      this.udpRng = intsBelow(rng, PORT_COUNT);
    }
    return this.udpRng();
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
    const sock = this.find(q.src, q.srcPort, q.dst, q.dstPort);
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
    if (err && sock instanceof TcpSock && (sock.state === 'SYN-SENT' || sock.state === 'SYN-RECV'))
      sock.fail(err);
  }
}

/**
 * `rng.int(n)` as a function. Made here, not where it is stored: V8 (node 20) allocates a function
 * literal assigned straight to a property in old space, where it keeps the host and its lab alive
 * through young-generation GCs (docs/architecture.md).
 */
function intsBelow(rng: Rng, n: number): () => number {
  return () => rng.int(n);
}

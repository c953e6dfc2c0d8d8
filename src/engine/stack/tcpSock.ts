import { cancelTimer } from '../core/eventQueue';
import type { QueuedEvent } from '../core/eventQueue';
import { MSEC, SEC } from '../core/sim';
import { fixedKind } from '../core/traceFixed';
import { utf8Length } from '../packet/bytes';
import { IPPROTO_TCP, TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../packet/types';
import type { Ipv4, Ipv4Packet, TcpOption, TcpSegment } from '../packet/types';
import type { Host } from './host';
import { ipLocalOut, routeOutput } from './ipOutput';
import { TcpCwnd } from './tcpCwnd';
import { tcpOptionsFor } from './tcpOptionsOut';
import { seqAdd, seqLe, seqLt, TcpRetransmitQueue } from './tcpRetransmitQueue';
import { TcpSendQueue } from './tcpSendQueue';
import { TcpSockWindow } from './tcpSockWindow';
import * as C from './tcpTypes';
import type { SockError, TcpCallbacks, TcpState } from './tcpTypes';

/** A socket whose application has gone (TIME-WAIT) tells no one. */
const NO_CALLBACKS: TcpCallbacks = Object.freeze({});

/** A TCP socket changed state (ss names), with why. */
export interface SockEvent {
  kind: 'sock';
  host: string;
  sock: string;
  proto: 'tcp';
  from: TcpState;
  to: TcpState;
  reason: string;
  local: string;
  remote: string;
}

/** A state change, pushed as its values (traceFixed.ts): no event object. */
const SOCK = fixedKind<SockEvent>()('sock', [
  'host',
  'sock',
  'proto',
  'from',
  'to',
  'reason',
  'local',
  'remote',
]);

/** A socket failed with an errno its application will see. */
export interface SockErrorEvent {
  kind: 'sock.error';
  host: string;
  sock: string;
  error: SockError;
}

/**
 * One TCP connection endpoint, Linux-flavoured: SYN options (mss, sackOK, TS, nop, wscale),
 * retransmission with exponential backoff, FIN teardown from either side, RST, TIME-WAIT.
 * No loss recovery beyond RTO retransmission: the labs' links never lose frames.
 */
export class TcpSock extends TcpSockWindow {
  readonly id: string;
  iss = 0;
  rcvNxt = 0;
  private tw?: QueuedEvent;
  private finSent = false;
  private oweAck = false;
  private sentSinceInput = 0;
  private peerTs = false;
  private tsRecent = 0;
  private ipId: number;
  /** Data the application wrote that the congestion or receive window still holds back. */
  private sendQueue: TcpSendQueue | undefined = new TcpSendQueue();
  /** Set by the socket table for passive sockets: called once ESTAB. */
  onEstablished?: (s: TcpSock) => void;
  /** The error that closed the socket, if any. */
  error?: SockError;

  constructor(
    readonly host: Host,
    public laddr: Ipv4,
    public lport: number,
    readonly raddr: Ipv4,
    readonly rport: number,
    public cb: TcpCallbacks = {},
  ) {
    super();
    this.id = host.sim.ids.next('sock');
    const rng = host.tcpRng;
    this.iss = rng.u32();
    this.ipId = rng.int(65536);
    this.cc = new TcpCwnd(host, this.id);
    this.rtx = new TcpRetransmitQueue(host, this.id, this);
  }

  get key(): string {
    return `${this.laddr}:${this.lport}>${this.raddr}:${this.rport}`;
  }

  private setState(to: TcpState, reason: string): void {
    const from = this.state;
    this.state = to;
    this.host.sim.emitFixed(
      SOCK,
      this.host.name,
      this.id,
      'tcp',
      from,
      to,
      reason,
      `${this.laddr}:${this.lport}`,
      `${this.raddr}:${this.rport}`,
    );
  }

  /** Active open: send SYN. */
  connect(): void {
    this.sndUna = this.iss;
    this.sndNxt = seqAdd(this.iss, 1);
    this.setState('SYN-SENT', 'connect');
    this.queueAndSend(this.iss, TCP_SYN, '');
  }

  /** Passive open, from a listener that received `syn`. */
  acceptSyn(syn: TcpSegment): void {
    this.rcvNxt = seqAdd(syn.seq, 1);
    this.peerOptions(syn);
    this.sndUna = this.iss;
    this.sndNxt = seqAdd(this.iss, 1);
    this.setState('SYN-RECV', 'syn-received');
    this.queueAndSend(this.iss, TCP_SYN | TCP_ACK, '');
  }

  send(data: string): void {
    if (this.state !== 'ESTAB' && this.state !== 'CLOSE-WAIT') return;
    this.sendQueue?.write(data);
    this.pump();
  }

  private pump(): void {
    this.sendQueue?.pump(this);
  }

  close(): void {
    switch (this.state) {
      case 'ESTAB':
        this.sendFin('FIN-WAIT-1');
        return;
      case 'CLOSE-WAIT':
        this.sendFin('LAST-ACK');
        return;
      case 'SYN-SENT':
      case 'LISTEN':
        this.destroy('app-close');
        return;
      case 'SYN-RECV':
        this.sendFin('FIN-WAIT-1');
        return;
      default:
    }
  }

  /** Abort: send RST (like SO_LINGER 0 or a killed process). */
  abort(): void {
    if (this.state === 'ESTAB' || this.state === 'CLOSE-WAIT' || this.state === 'SYN-RECV') {
      this.xmit(this.sndNxt, TCP_RST | TCP_ACK, '');
    }
    this.destroy('abort');
  }

  private sendFin(next: TcpState): void {
    this.setState(next, 'app-close');
    // The FIN queues behind data the windows still hold back, as it does in the write queue.
    if (this.sendQueue && !this.sendQueue.empty) this.sendQueue.finAfterData();
    else this.xmitFin();
  }

  protected xmitFin(): void {
    const seq = this.sndNxt;
    this.sndNxt = seqAdd(seq, 1);
    this.finSent = true;
    this.queueAndSend(seq, TCP_FIN | TCP_ACK, '');
  }

  protected queueAndSend(seq: number, flags: number, data: string): void {
    this.xmit(seq, flags, data);
    this.rtx?.push(seq, flags, data);
  }

  private options(flags: number): TcpOption[] {
    // Linux's TS clock: milliseconds, offset per host so hosts do not share a clock.
    const tsval = (Math.floor(this.host.sim.now / MSEC) + this.host.index * 1_000_003) >>> 0;
    return tcpOptionsFor(flags, tsval, this.tsRecent, this.peerTs);
  }

  /** Build the segment and send it down: routing, OUTPUT, POSTROUTING, neighbour. */
  protected xmit(seq: number, flags: number, data: string): void {
    const window =
      flags & TCP_SYN ? (flags & TCP_ACK ? C.TCP_SYNACK_WINDOW : C.TCP_SYN_WINDOW) : C.TCP_WINDOW;
    const seg: TcpSegment = {
      proto: 'tcp',
      srcPort: this.lport,
      dstPort: this.rport,
      seq,
      ack: flags & TCP_ACK ? this.rcvNxt : 0,
      flags,
      window,
      urgent: 0,
      options: this.options(flags),
      data,
    };
    this.sentSinceInput++;
    if (flags & TCP_ACK) this.oweAck = false;
    const rt = routeOutput(this.host, this.raddr, this.laddr);
    if (!rt.ok) {
      this.host.sim.emit({
        kind: 'drop',
        host: this.host.name,
        sock: this.id,
        reason: rt.reason,
        dst: this.raddr,
      });
      if (this.state === 'SYN-SENT') this.fail('ENETUNREACH');
      return;
    }
    this.ipId = (this.ipId + 1) & 0xffff;
    const pkt: Ipv4Packet = {
      proto: 'ipv4',
      tos: 0,
      id: this.ipId,
      df: true,
      mf: false,
      fragOffset: 0,
      ttl: 64,
      protocol: IPPROTO_TCP,
      src: this.laddr,
      dst: this.raddr,
      payload: seg,
    };
    ipLocalOut(this.host, { id: this.host.sim.ids.next('pkt'), pkt }, rt.dev, rt.nexthop);
  }

  private peerOptions(seg: TcpSegment): void {
    for (const o of seg.options) {
      if (o.kind === 'ts') {
        this.peerTs = true;
        this.tsRecent = o.val;
      }
    }
  }

  /** tcp_rcv_state_process, reduced. */
  input(seg: TcpSegment): void {
    this.sentSinceInput = 0;
    if (this.state === 'SYN-SENT') return this.inputSynSent(seg);
    if (this.state === 'TIME-WAIT') return this.inputTimeWait(seg);
    if (seg.flags & TCP_RST) {
      if (seg.seq === this.rcvNxt || this.state === 'SYN-RECV')
        this.fail(this.state === 'SYN-RECV' ? 'ECONNREFUSED' : 'ECONNRESET');
      return;
    }
    if (seg.flags & TCP_SYN) {
      if (this.state === 'SYN-RECV' && seqAdd(seg.seq, 1) === this.rcvNxt) this.retransmitFirst();
      else this.xmit(this.sndNxt, TCP_ACK, ''); // challenge ACK
      return;
    }
    const len = utf8Length(seg.data) + (seg.flags & TCP_FIN ? 1 : 0);
    if (len > 0 && seg.seq !== this.rcvNxt) {
      this.xmit(this.sndNxt, TCP_ACK, ''); // old or out-of-order: duplicate ACK
      return;
    }
    for (const o of seg.options) if (o.kind === 'ts') this.tsRecent = o.val;
    if (seg.flags & TCP_ACK) this.sndWnd = seg.window << C.TCP_WSCALE;
    if (seg.flags & TCP_ACK && !this.processAck(seg.ack)) return;
    this.processData(seg);
    this.pump();
    if (this.oweAck && this.sentSinceInput === 0 && this.state !== 'CLOSED')
      this.xmit(this.sndNxt, TCP_ACK, '');
  }

  private retransmitFirst(): void {
    const f = this.rtx?.first;
    if (f) this.xmit(f.seq, f.flags, f.data);
  }

  private inputSynSent(seg: TcpSegment): void {
    const ackOk = (seg.flags & TCP_ACK) !== 0 && seg.ack === seqAdd(this.iss, 1);
    if (seg.flags & TCP_ACK && !ackOk) {
      if (!(seg.flags & TCP_RST)) this.host.sockets.sendReset(this.laddr, this.raddr, seg);
      return;
    }
    if (seg.flags & TCP_RST) {
      if (ackOk) this.fail('ECONNREFUSED');
      return;
    }
    if (!(seg.flags & TCP_SYN) || !ackOk) return;
    this.rcvNxt = seqAdd(seg.seq, 1);
    this.peerOptions(seg);
    this.ackUpTo(seg.ack);
    this.setState('ESTAB', 'syn-ack-received');
    this.xmit(this.sndNxt, TCP_ACK, '');
    this.cb.onConnect?.();
  }

  private inputTimeWait(seg: TcpSegment): void {
    if (seg.flags & TCP_RST) {
      this.destroy('rst-in-time-wait');
      return;
    }
    if (seg.flags & TCP_FIN) this.xmit(this.sndNxt, TCP_ACK, ''); // our last ACK was lost
  }

  /** Returns false when the segment must be dropped. */
  private processAck(ack: number): boolean {
    if (seqLt(this.sndNxt, ack)) {
      this.xmit(this.sndNxt, TCP_ACK, ''); // acks what we never sent
      return false;
    }
    if (seqLt(this.sndUna, ack)) this.ackUpTo(ack);
    if (this.state === 'SYN-RECV') {
      if (ack !== this.sndNxt && !seqLt(this.iss, ack)) return false;
      this.setState('ESTAB', 'ack-of-syn-ack');
      this.onEstablished?.(this);
    }
    const finAcked = this.finSent && this.sndUna === this.sndNxt;
    if (finAcked) {
      if (this.state === 'FIN-WAIT-1') this.setState('FIN-WAIT-2', 'fin-acked');
      else if (this.state === 'CLOSING') {
        this.enterTimeWait();
        this.detachApp();
      } else if (this.state === 'LAST-ACK') {
        this.destroy('last-ack-acked');
        return false;
      }
    }
    return true;
  }

  private ackUpTo(ack: number): void {
    this.sndUna = ack;
    if (this.rtx) {
      const flight = this.rtx.inFlight;
      this.cc?.onAck(this.rtx.ackUpTo(ack), flight);
    }
    const rt = routeOutput(this.host, this.raddr, this.laddr);
    if (rt.ok) this.host.neigh.confirm(rt.dev, rt.nexthop);
  }

  private processData(seg: TcpSegment): void {
    const dataLen = utf8Length(seg.data);
    const canRead = this.state === 'ESTAB' || this.state === 'FIN-WAIT-1' || this.state === 'FIN-WAIT-2';
    if (dataLen > 0 && canRead) {
      this.rcvNxt = seqAdd(this.rcvNxt, dataLen);
      this.oweAck = true;
      this.cb.onData?.(seg.data);
    }
    if (!(seg.flags & TCP_FIN)) return;
    this.rcvNxt = seqAdd(this.rcvNxt, 1);
    this.oweAck = true;
    if (this.state === 'ESTAB') this.setState('CLOSE-WAIT', 'fin-received');
    else if (this.state === 'FIN-WAIT-1') this.setState('CLOSING', 'simultaneous-close');
    else if (this.state === 'FIN-WAIT-2') {
      this.xmit(this.sndNxt, TCP_ACK, '');
      this.enterTimeWait();
      this.cb.onEof?.();
      this.detachApp();
      return;
    }
    this.cb.onEof?.();
  }

  private enterTimeWait(): void {
    this.setState('TIME-WAIT', 'fin-exchange-done');
    this.rtx?.stop();
    this.rtx = undefined;
    this.cc = undefined;
    this.cb.onClose?.();
    this.tw = this.host.sim.after(C.TCP_TIMEWAIT_LEN_S * SEC, 'tcp-timewait', () =>
      this.destroy('time-wait-expired'),
    );
  }

  /**
   * In TIME-WAIT the application is gone (Linux keeps only a small inet_timewait_sock): let go of
   * its callbacks and what they hold, so an hour of requests does not keep every client's state.
   */
  private detachApp(): void {
    this.cb = NO_CALLBACKS;
    this.sendQueue = undefined;
  }

  /** A hard error (ICMP, RST, timeout) ends the socket and tells the application. */
  fail(err: SockError): void {
    if (this.state === 'CLOSED') return;
    this.error = err;
    this.host.sim.emit({ kind: 'sock.error', host: this.host.name, sock: this.id, error: err });
    const cb = this.cb;
    this.destroy(err);
    cb.onError?.(err);
  }

  destroy(reason: string): void {
    this.sendQueue?.clear();
    this.rtx?.stop();
    cancelTimer(this.tw);
    const wasTw = this.state === 'TIME-WAIT';
    if (this.state !== 'CLOSED') this.setState('CLOSED', reason);
    this.host.sockets.remove(this);
    if (!wasTw) this.cb.onClose?.();
  }

  get seqBefore(): (a: number, b: number) => boolean {
    return seqLe;
  }
}

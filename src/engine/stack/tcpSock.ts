import { SEC } from '../core/sim';
import { utf8Length } from '../packet/bytes';
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../packet/types';
import type { Ipv4, TcpSegment } from '../packet/types';
import type { Host } from './host';
import type { TcpListener } from './socketTypes';
import { routeOutput } from './ipOutput';
import { initialCwndMoves, TcpCwnd } from './tcpCwnd';
import { emitSockState, tcpXmit } from './tcpOut';
import type { TcpEndpoint } from './tcpOut';
import { seqAdd, seqLe, seqLt, TcpRetransmitQueue } from './tcpRetransmitQueue';
import { sendAtOnce, TcpSendQueue } from './tcpSendQueue';
import { TcpSockWindow } from './tcpSockWindow';
import { TcpTimeWait } from './tcpTimeWait';
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
export class TcpSock extends TcpSockWindow implements TcpEndpoint {
  readonly id: string;
  iss = 0;
  rcvNxt = 0;
  /** The record that holds this connection in TIME-WAIT (the socket table holds it instead). */
  private tw?: TcpTimeWait;
  private finSent = false;
  private oweAck = false;
  private sentSinceInput = 0;
  /** The peer sent timestamps; the last TSval to echo; the last IPv4 id (read by tcpXmit). */
  peerTs = false;
  tsRecent = 0;
  ipId: number;
  /**
   * Data the application wrote that the congestion or receive window still holds back: made when
   * a write first has to wait (most leave at once, sendAtOnce); null once the application is gone.
   */
  private sendQueue: TcpSendQueue | null | undefined = undefined;
  /**
   * Set by the socket table for passive sockets: the listener whose `accept` gives this socket
   * its callbacks once ESTAB (a field, not a closure per connection).
   */
  listener: TcpListener | undefined = undefined;
  /** The error that closed the socket, if any. */
  error?: SockError;

  constructor(
    readonly host: Host,
    public laddr: Ipv4,
    public lport: number,
    readonly raddr: Ipv4,
    readonly rport: number,
    public cb: TcpCallbacks = NO_CALLBACKS,
  ) {
    super();
    this.id = host.sim.ids.next('sock');
    const rng = host.tcpRng;
    this.iss = rng.u32();
    this.ipId = rng.int(65536);
    this.rtx = new TcpRetransmitQueue(host, this.id, this);
  }

  private setState(to: TcpState, reason: string): void {
    const from = this.state;
    this.state = to;
    emitSockState(this, from, to, reason);
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
    const q = this.sendQueue;
    if (q === null) return;
    if (q !== undefined) q.send(this, data);
    else if (!sendAtOnce(this, data)) (this.sendQueue = new TcpSendQueue()).send(this, data);
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

  /** Build the segment and send it down (tcpOut.ts); a connect with no route fails. */
  protected xmit(seq: number, flags: number, data: string): void {
    this.sentSinceInput++;
    if (flags & TCP_ACK) this.oweAck = false;
    if (!tcpXmit(this, seq, flags, data) && this.state === 'SYN-SENT') this.fail('ENETUNREACH');
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
    if (this.state === 'TIME-WAIT') return this.tw?.input(seg);
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
    // Entered TIME-WAIT during this segment: the record answers from what was sent last.
    this.tw?.follow(this);
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
      if (this.listener !== undefined) this.cb = this.listener.accept(this);
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
      const acked = this.rtx.ackUpTo(ack);
      if (this.cc !== undefined) this.cc.onAck(acked, flight);
      else if (initialCwndMoves(acked, flight)) this.cwndOf().onAck(acked, flight);
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
    if (this.state !== 'TIME-WAIT') {
      // The application aborted from onClose: the timer is armed all the same, as it always was.
      this.host.sim.after(C.TCP_TIMEWAIT_LEN_S * SEC, 'tcp-timewait', () =>
        this.destroy('time-wait-expired'),
      );
      return;
    }
    const ends = this.host.sockets.endsOf(this.laddr, this.raddr);
    const tw = new TcpTimeWait(ends, this.id, this.lport, this.rport, this.peerTs);
    tw.follow(this);
    this.tw = this.host.sim.afterTimer(C.TCP_TIMEWAIT_LEN_S * SEC, tw);
    this.host.sockets.timeWait(this, tw);
  }

  /**
   * In TIME-WAIT the application is gone (Linux keeps only a small inet_timewait_sock): let go of
   * its callbacks and what they hold, in case the application keeps this object.
   */
  private detachApp(): void {
    this.cb = NO_CALLBACKS;
    this.sendQueue = null;
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
    if (this.tw) {
      // In TIME-WAIT the record stands for this socket (an app's abort() from onEof ends it).
      this.tw.destroy(reason);
      this.state = 'CLOSED';
      return;
    }
    this.sendQueue?.clear();
    this.rtx?.stop();
    const wasTw = this.state === 'TIME-WAIT';
    if (this.state !== 'CLOSED') this.setState('CLOSED', reason);
    this.host.sockets.remove(this);
    if (!wasTw) this.cb.onClose?.();
  }

  protected cwndOf(): TcpCwnd {
    return (this.cc ??= new TcpCwnd(this.host, this.id));
  }

  get seqBefore(): (a: number, b: number) => boolean {
    return seqLe;
  }
}

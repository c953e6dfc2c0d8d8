import { utf8Length } from '../packet/bytes';
import { TCP_INIT_CWND } from './tcpCwnd';
import type { TcpCwnd } from './tcpCwnd';
import { seqAdd } from './tcpRetransmitQueue';
import type { RetransmitHooks, TcpRetransmitQueue, Unacked } from './tcpRetransmitQueue';
import type { SendWindow } from './tcpSendQueue';
import * as C from './tcpTypes';
import type { SockError, TcpState } from './tcpTypes';

/**
 * What a TCP socket's write queue and retransmission queue read of it and call back (SendWindow,
 * RetransmitHooks): the sequence numbers, the windows and the senders. TcpSock extends this, so
 * tcpSock.ts keeps the state machine; methods on the one object, not closures per socket (a
 * TIME-WAIT socket outlives its queues).
 */
export abstract class TcpSockWindow implements SendWindow, RetransmitHooks {
  state: TcpState = 'CLOSED';
  sndUna = 0;
  sndNxt = 0;
  /**
   * Sent and not yet acknowledged, with the retransmission timer. This, the write queue and the
   * congestion window go when the socket enters TIME-WAIT: Linux's inet_timewait_sock keeps
   * none of them, and a busy client holds tens of thousands of TIME-WAIT sockets.
   */
  protected rtx: TcpRetransmitQueue | undefined;
  /**
   * Made when the window first moves (initialCwndMoves, or a timeout): until then it stands at
   * TCP_INIT_CWND. A socket that has let go of its queues (rtx undefined) has none.
   */
  protected cc: TcpCwnd | undefined = undefined;
  /** The peer's advertised receive window, bytes (window field << wscale 7). */
  protected sndWnd = C.TCP_WINDOW << C.TCP_WSCALE;

  /** Build the segment and send it down: routing, OUTPUT, POSTROUTING, neighbour. */
  protected abstract xmit(seq: number, flags: number, data: string): void;
  /** Send, and keep for retransmission. */
  protected abstract queueAndSend(seq: number, flags: number, data: string): void;
  /** Send our FIN (it takes a sequence number). */
  protected abstract xmitFin(): void;
  /** A hard error ends the socket and tells the application. */
  abstract fail(err: SockError): void;

  // What the retransmission queue calls back (RetransmitHooks).
  rtxXmit(u: Unacked): void {
    this.xmit(u.seq, u.flags, u.data);
  }

  rtxGiveUp(): void {
    this.fail('ETIMEDOUT');
  }

  rtxOnRto(inFlight: number): void {
    if (this.rtx !== undefined) this.cwndOf().onRto(inFlight);
  }

  /** The congestion window, made now if it has not moved yet (a socket that still has its queues). */
  protected abstract cwndOf(): TcpCwnd;

  // What the send queue reads of this socket (SendWindow).
  windowClosed(): boolean {
    return this.state === 'CLOSED';
  }

  windowOutstanding(): number {
    return (this.sndNxt - this.sndUna) >>> 0;
  }

  windowInFlight(): number {
    return this.rtx?.inFlight ?? 0;
  }

  windowCwnd(): number {
    return this.cc !== undefined ? this.cc.cwnd : this.rtx !== undefined ? TCP_INIT_CWND : 0;
  }

  windowSndWnd(): number {
    return this.sndWnd;
  }

  windowSendData(flags: number, data: string): void {
    const seq = this.sndNxt;
    this.sndNxt = seqAdd(seq, utf8Length(data));
    this.queueAndSend(seq, flags, data);
  }

  windowSendFin(): void {
    this.xmitFin();
  }
}

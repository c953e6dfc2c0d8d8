import { cancelTimer, TimerEvent } from '../core/eventQueue';
import { MSEC, SEC } from '../core/sim';
import { utf8Length } from '../packet/bytes';
import { TCP_ACK, TCP_FIN, TCP_SYN } from '../packet/types';
import type { Host } from './host';
import * as C from './tcpTypes';

/** The retransmission timer fired and the oldest unacknowledged segment went out again. */
export interface TcpRetransmitEvent {
  kind: 'tcp.retransmit';
  host: string;
  sock: string;
  /** The segment's TCP sequence number (not `seq`: that name is the trace position's). */
  tcpSeq: number;
  attempt: number;
}

/** A segment sent and not yet acknowledged. */
export interface Unacked {
  seq: number;
  end: number;
  flags: number;
  data: string;
  /** The next segment sent (the queue is a list of its records: no array per socket). */
  next: Unacked | undefined;
}

/** RFC 1982-style sequence comparisons on 32-bit wrapping numbers. */
export const seqLt = (a: number, b: number): boolean => ((a - b) | 0) < 0;
export const seqLe = (a: number, b: number): boolean => ((a - b) | 0) <= 0;
export const seqAdd = (a: number, n: number): number => (a + n) >>> 0;

/** What the queue asks of its socket when the timer fires (the socket's own methods). */
export interface RetransmitHooks {
  /** Send this segment again, as it was. */
  rtxXmit(u: Unacked): void;
  /** The retries ran out (tcp_syn_retries, tcp_synack_retries or tcp_retries2). */
  rtxGiveUp(): void;
  /** A data segment is being retransmitted: the congestion window collapses (tcp_enter_loss). */
  rtxOnRto(inFlight: number): void;
}

/**
 * The socket's retransmission queue and its timer (tcp_retransmit_timer): segments sent and not
 * yet acknowledged, the RTO with exponential backoff, and the retry limits by segment kind.
 */
export class TcpRetransmitQueue {
  /**
   * Oldest and newest unacknowledged segment, linked by `next`: a socket has one or two at a
   * time, and an array's first push allocated room for seventeen (some 80 bytes per socket).
   */
  private head: Unacked | undefined = undefined;
  private tail: Unacked | undefined = undefined;
  /** How many of the unacknowledged segments carry data, kept as they come and go (read on every ACK and send). */
  private dataSegs = 0;
  private rtoUs = 1 * SEC;
  private retries = 0;
  /**
   * The timer, made at the first arming and queued again at each one after (a socket arms it for
   * nearly every segment it sends, and an ACK stops it): a cancelled entry's slot lets go of it at
   * once (core/queueSlots.ts), so one record serves the socket's life. `armed`: queued, not run.
   */
  private timer: RtxTimer | undefined = undefined;
  private armed = false;
  /**
   * The last record an ACK let go of, written over by the next segment sent: a connection sends
   * its SYN, request and FIN one acknowledged after the other (records never leave the queue but
   * through `first`, read at once; the trace keeps none).
   */
  private spare: Unacked | undefined = undefined;

  constructor(
    private readonly host: Host,
    private readonly sock: string,
    private readonly hooks: RetransmitHooks,
  ) {}

  /** Segments in flight: sent data not yet acknowledged (tcp_packets_in_flight, no loss). */
  get inFlight(): number {
    return this.dataSegs;
  }

  /** The oldest unacknowledged segment. */
  get first(): Unacked | undefined {
    return this.head;
  }

  /** Remember a segment just sent (SYN and FIN take one sequence number) and start the timer. */
  push(seq: number, flags: number, data: string): void {
    const len = utf8Length(data) + (flags & (TCP_SYN | TCP_FIN) ? 1 : 0);
    let u = this.spare;
    if (u === undefined) u = { seq, end: seqAdd(seq, len), flags, data, next: undefined };
    else {
      this.spare = undefined;
      u.seq = seq;
      u.end = seqAdd(seq, len);
      u.flags = flags;
      u.data = data;
      u.next = undefined;
    }
    if (this.tail === undefined) this.head = u;
    else this.tail.next = u;
    this.tail = u;
    if (data !== '') this.dataSegs++;
    if (!this.armed) this.arm();
  }

  /**
   * Drop what `ack` covers; returns how many data segments it acknowledged. After the handshake
   * the RTO drops to Linux's floor (a LAN's tiny RTT), and the timer restarts for what is left.
   */
  ackUpTo(ack: number): number {
    // Every record `ack` covers is unlinked (the rest keep their order), as a filter would.
    let acked = 0;
    let prev: Unacked | undefined = undefined;
    let u = this.head;
    while (u !== undefined) {
      const next = u.next;
      if (seqLt(ack, u.end)) prev = u;
      else {
        if (u.data !== '') acked++;
        if (prev === undefined) this.head = next;
        else prev.next = next;
        if (this.tail === u) this.tail = prev;
        u.next = undefined;
        this.spare = u;
      }
      u = next;
    }
    this.dataSegs -= acked;
    this.retries = 0;
    this.stop();
    this.rtoUs = C.TCP_RTO_MIN_MS * MSEC;
    if (this.head !== undefined) this.arm();
    return acked;
  }

  /** Stop the timer (TIME-WAIT, close). */
  stop(): void {
    if (!this.armed) return;
    cancelTimer(this.timer);
    this.armed = false;
  }

  private arm(): void {
    this.host.sim.afterTimer(this.rtoUs, (this.timer ??= new RtxTimer(this)));
    this.armed = true;
  }

  /** @internal The timer ran (RtxTimer). */
  fire(): void {
    this.armed = false;
    const first = this.head;
    if (!first) return;
    const limit =
      first.flags & TCP_SYN
        ? first.flags & TCP_ACK
          ? C.TCP_SYNACK_RETRIES
          : C.TCP_SYN_RETRIES
        : C.TCP_RETRIES2;
    if (this.retries >= limit) {
      this.hooks.rtxGiveUp();
      return;
    }
    this.retries++;
    this.rtoUs = Math.min(this.rtoUs * 2, C.TCP_RTO_MAX_S * SEC);
    if (!(first.flags & TCP_SYN)) this.hooks.rtxOnRto(this.inFlight);
    this.host.sim.emit({
      kind: 'tcp.retransmit',
      host: this.host.name,
      sock: this.sock,
      tcpSeq: first.seq,
      attempt: this.retries,
    });
    this.hooks.rtxXmit(first);
    this.arm();
  }
}

/**
 * The retransmission timer as its own queue entry (one record, no closure and context), one per
 * socket: armed on nearly every segment sent and cancelled by its ACK. Cancelling leaves no
 * reference to it in the queue (its slot is emptied), so it need not let go of the socket.
 */
class RtxTimer extends TimerEvent {
  constructor(private readonly queue: TcpRetransmitQueue) {
    super();
  }
  get label(): string {
    return 'tcp-rtx';
  }
  run(): void {
    this.queue.fire();
  }
}

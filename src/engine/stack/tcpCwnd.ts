import type { Host } from './host';

/** Linux's initial congestion window (RFC 6928, TCP_INIT_CWND), in segments. */
export const TCP_INIT_CWND = 10;
/** ssthresh before any loss: "infinite" (TCP_INFINITE_SSTHRESH). */
export const TCP_INFINITE_SSTHRESH = 0x7fffffff;

/** A socket's congestion window changed: slow start grew it, or a retransmission timeout cut it. */
export interface TcpCwndEvent {
  kind: 'tcp.cwnd';
  host: string;
  sock: string;
  /** Segments the sender may have in flight now. */
  cwnd: number;
  ssthresh: number;
  reason: 'slow-start' | 'congestion-avoidance' | 'loss';
}

/**
 * Would a window still at its start (cwnd TCP_INIT_CWND, ssthresh infinite) change on this ACK?
 * Only then does a socket make its TcpCwnd (onAck below, in slow start): a short flow's window
 * never moves (a reply of one segment is not cwnd-limited), so most sockets never need one.
 */
export function initialCwndMoves(acked: number, inFlight: number): boolean {
  return acked > 0 && cwndLimited(TCP_INIT_CWND, TCP_INFINITE_SSTHRESH, inFlight);
}

/**
 * tcp_is_cwnd_limited: in slow start, growth continues while cwnd < 2 × packets out; past
 * ssthresh, while the flight fills cwnd.
 */
function cwndLimited(cwnd: number, ssthresh: number, inFlight: number): boolean {
  return cwnd < ssthresh ? cwnd < 2 * inFlight : inFlight >= cwnd;
}

/**
 * The sender's congestion window as Linux keeps it, reduced to what the labs need: initial cwnd
 * 10; slow start adds one segment per segment acked (tcp_slow_start) up to ssthresh, then one
 * per window (Reno's additive increase; CentOS 7's CUBIC differs only after a loss); a
 * retransmission timeout sets ssthresh to half the flight and cwnd to 1 (tcp_enter_loss).
 * The window grows only while the flow used it (tcp_is_cwnd_limited), so a small reply never
 * inflates it. The labs' links never lose frames, so fast retransmit is not modelled.
 */
export class TcpCwnd {
  cwnd = TCP_INIT_CWND;
  ssthresh = TCP_INFINITE_SSTHRESH;
  private cnt = 0;

  constructor(
    private readonly host: Host,
    private readonly sock: string,
  ) {}

  /** `acked` segments were newly acknowledged while `inFlight` segments were outstanding. */
  onAck(acked: number, inFlight: number): void {
    if (acked <= 0) return;
    if (!cwndLimited(this.cwnd, this.ssthresh, inFlight)) return;
    const slow = this.cwnd < this.ssthresh;
    const before = this.cwnd;
    if (slow) this.cwnd = Math.min(this.cwnd + acked, this.ssthresh);
    else {
      this.cnt += acked;
      if (this.cnt >= this.cwnd) {
        this.cnt -= this.cwnd;
        this.cwnd++;
      }
    }
    if (this.cwnd !== before) this.emit(slow ? 'slow-start' : 'congestion-avoidance');
  }

  /** The retransmission timer fired with `inFlight` segments outstanding. */
  onRto(inFlight: number): void {
    this.ssthresh = Math.max(Math.floor(inFlight / 2), 2);
    this.cwnd = 1;
    this.cnt = 0;
    this.emit('loss');
  }

  private emit(reason: TcpCwndEvent['reason']): void {
    this.host.sim.emit({
      kind: 'tcp.cwnd',
      host: this.host.name,
      sock: this.sock,
      cwnd: this.cwnd,
      ssthresh: this.ssthresh,
      reason,
    });
  }
}

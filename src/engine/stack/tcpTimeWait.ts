import { cancelTimer, TimerEvent } from '../core/eventQueue';
import { TCP_ACK, TCP_FIN, TCP_RST } from '../packet/types';
import type { Ipv4, TcpSegment } from '../packet/types';
import type { Host } from './host';
import { emitSockState, tcpXmit } from './tcpOut';
import type { TcpEndpoint } from './tcpOut';

/**
 * A connection in TIME-WAIT, as Linux keeps it (inet_timewait_sock): the addresses and ports,
 * the sequence numbers and timestamp it answers with, and its 60 s timer, which is the record
 * itself (no closure). It replaces the TcpSock in the socket table when the socket enters
 * TIME-WAIT, so a busy client's tens of thousands of them hold no socket, queues or app state.
 * Same behaviour as the socket it replaces: it ACKs a repeated FIN, a RST ends it, a new SYN
 * for the pair takes it over (socket table), `ss` lists it.
 */
export class TcpTimeWait extends TimerEvent implements TcpEndpoint {
  state: 'TIME-WAIT' | 'CLOSED' = 'TIME-WAIT';
  // Sequence numbers and TSecr as int32 (`| 0`), so V8 keeps them unboxed: u32 values above
  // 2^31 would each take a heap number.
  private snd = 0;
  private rcv = 0;
  private tsr = 0;
  ipId = 0;

  constructor(
    readonly host: Host,
    readonly id: string,
    readonly laddr: Ipv4,
    readonly lport: number,
    readonly raddr: Ipv4,
    readonly rport: number,
    readonly peerTs: boolean,
  ) {
    super();
  }

  /** Take the numbers the socket answers with (at entry, and after the segment that entered). */
  follow(s: { sndNxt: number; rcvNxt: number; tsRecent: number; ipId: number }): void {
    this.snd = s.sndNxt | 0;
    this.rcv = s.rcvNxt | 0;
    this.tsr = s.tsRecent | 0;
    this.ipId = s.ipId;
  }

  get label(): string {
    return 'tcp-timewait';
  }

  get sndNxt(): number {
    return this.snd >>> 0;
  }

  get rcvNxt(): number {
    return this.rcv >>> 0;
  }

  get tsRecent(): number {
    return this.tsr >>> 0;
  }

  /** tcp_timewait_state_process, reduced: RST ends it; a FIN again means our last ACK was lost. */
  input(seg: TcpSegment): void {
    if (seg.flags & TCP_RST) {
      this.destroy('rst-in-time-wait');
      return;
    }
    if (seg.flags & TCP_FIN) tcpXmit(this, this.sndNxt, TCP_ACK, '');
  }

  /** The timer: TIME-WAIT is over. */
  run(): void {
    this.destroy('time-wait-expired');
  }

  destroy(reason: string): void {
    if (this.state === 'CLOSED') return;
    cancelTimer(this);
    this.state = 'CLOSED';
    emitSockState(this, 'TIME-WAIT', 'CLOSED', reason);
    this.host.sockets.remove(this);
  }
}

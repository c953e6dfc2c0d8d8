import { cancelTimer, TimerEvent } from '../core/eventQueue';
import { TCP_ACK, TCP_FIN, TCP_RST } from '../packet/types';
import type { Ipv4, TcpSegment } from '../packet/types';
import type { Host } from './host';
import { emitSockState, tcpXmit } from './tcpOut';
import type { TcpEndpoint } from './tcpOut';

/** The host and the two addresses, one object per address pair (SocketTable.endsOf). */
export interface TimeWaitEnds {
  readonly host: Host;
  readonly laddr: Ipv4;
  readonly raddr: Ipv4;
}

const ID_PREFIX = 'sock#';
const PEER_TS = 1 << 16;
const CLOSED = 1 << 17;

/**
 * A connection in TIME-WAIT, as Linux keeps it (inet_timewait_sock): the addresses and ports,
 * the sequence numbers and timestamp it answers with, and its 60 s timer, which is the record
 * itself (no closure). It replaces the TcpSock in the socket table when the socket enters
 * TIME-WAIT, so a busy client's tens of thousands of them hold no socket, queues or app state.
 * Same behaviour as the socket it replaces: it ACKs a repeated FIN, a RST ends it, a new SYN
 * for the pair takes it over (socket table), `ss` lists it.
 */
export class TcpTimeWait extends TimerEvent implements TcpEndpoint {
  // Packed, since a busy client holds tens of thousands: sequence numbers and TSecr as int32
  // (`| 0`; u32 values above 2^31 would each take a heap number), both ports in one int32, the
  // IPv4 id and two flags in one, the socket's id as its number (`sock#N`, rebuilt when read),
  // and the host and addresses shared with every record of the same address pair.
  private snd = 0;
  private rcv = 0;
  private tsr = 0;
  private bits = 0;
  private readonly ports: number;
  private readonly n: number | string;

  constructor(
    private readonly ends: TimeWaitEnds,
    id: string,
    lport: number,
    rport: number,
    peerTs: boolean,
  ) {
    super();
    this.ports = (lport << 16) | rport | 0;
    const n = Number(id.slice(ID_PREFIX.length));
    this.n = id === `${ID_PREFIX}${n}` ? n : id;
    if (peerTs) this.bits = PEER_TS;
  }

  get host(): Host {
    return this.ends.host;
  }

  get laddr(): Ipv4 {
    return this.ends.laddr;
  }

  get raddr(): Ipv4 {
    return this.ends.raddr;
  }

  get id(): string {
    return typeof this.n === 'number' ? `${ID_PREFIX}${this.n}` : this.n;
  }

  get lport(): number {
    return this.ports >>> 16;
  }

  get rport(): number {
    return this.ports & 0xffff;
  }

  get peerTs(): boolean {
    return (this.bits & PEER_TS) !== 0;
  }

  get state(): 'TIME-WAIT' | 'CLOSED' {
    return this.bits & CLOSED ? 'CLOSED' : 'TIME-WAIT';
  }

  /** The last IPv4 id used (tcpXmit takes the next). */
  get ipId(): number {
    return this.bits & 0xffff;
  }

  set ipId(v: number) {
    this.bits = (this.bits & ~0xffff) | (v & 0xffff);
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
    if (this.bits & CLOSED) return;
    cancelTimer(this);
    this.bits |= CLOSED;
    emitSockState(this, 'TIME-WAIT', 'CLOSED', reason);
    this.host.sockets.remove(this);
  }
}

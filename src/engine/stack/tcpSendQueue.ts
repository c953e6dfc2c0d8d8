import { utf8Length } from '../packet/bytes';
import { TCP_ACK, TCP_PSH } from '../packet/types';
import { splitForSegments } from './tcpSplit';
import { TCP_SEG_DATA } from './tcpTypes';

/**
 * What the send queue needs from its socket to decide what may leave now. The socket implements
 * it with methods (not an object of closures per socket: a TIME-WAIT socket outlives its use).
 */
export interface SendWindow {
  /** The socket is closed: nothing more leaves. */
  windowClosed(): boolean;
  /** Bytes sent and not yet acknowledged (snd_nxt − snd_una). */
  windowOutstanding(): number;
  /** Data segments in flight when the pump starts. */
  windowInFlight(): number;
  /** The congestion window (segments) and the peer's receive window (bytes). */
  windowCwnd(): number;
  windowSndWnd(): number;
  /** Send a data segment now (it advances snd_nxt). */
  windowSendData(flags: number, data: string): void;
  /** Send the FIN that waited behind the data. */
  windowSendFin(): void;
}

interface Pending {
  data: string;
  flags: number;
}

/** The empty queue, shared (never written: `write` gives a queue its own list first). */
const NONE: Pending[] = Object.freeze([]) as unknown as Pending[];

/**
 * The socket's write queue: data the application wrote that the congestion or receive window
 * still holds back, in MSS-sized segments, and a FIN queued behind it (tcp_write_xmit's loop).
 */
export class TcpSendQueue {
  /** NONE until something waits: most writes leave at once (send), and most sockets never queue. */
  private pending: Pending[] = NONE;
  private finPending = false;

  get empty(): boolean {
    return this.pending.length === 0;
  }

  /** Queue what the application wrote, split into segments; the last one pushes (PSH). */
  write(data: string): void {
    if (this.pending === NONE) this.pending = [];
    // Most writes fit one segment: no list of one chunk, no callback and its context per write.
    if (utf8Length(data) <= TCP_SEG_DATA) {
      this.pending.push({ data, flags: TCP_ACK | TCP_PSH });
      return;
    }
    const chunks = splitForSegments(data, TCP_SEG_DATA);
    for (let i = 0; i < chunks.length; i++)
      this.pending.push({ data: chunks[i]!, flags: TCP_ACK | (i === chunks.length - 1 ? TCP_PSH : 0) });
  }

  /**
   * write, then pump: what the application wrote leaves now if the windows allow. A write that
   * fits one segment, to an empty queue, goes at once when pump would send it (the same test),
   * without an entry queued and taken off again (a request's and a reply's every write).
   */
  send(w: SendWindow, data: string): void {
    if (this.pending.length === 0 && !this.finPending && sendAtOnce(w, data)) return;
    this.write(data);
    this.pump(w);
  }

  /** Hold the FIN until the queued data has gone. */
  finAfterData(): void {
    this.finPending = true;
  }

  clear(): void {
    this.pending = NONE;
    this.finPending = false;
  }

  /** Send what the congestion window and the peer's receive window allow (tcp_write_xmit). */
  pump(w: SendWindow): void {
    if (this.pending.length === 0 && !this.finPending) return;
    let flight = w.windowInFlight();
    while (this.pending.length > 0 && !w.windowClosed()) {
      const next = this.pending[0]!;
      const len = utf8Length(next.data);
      if (!fits(w, flight, len)) return;
      this.pending.shift();
      w.windowSendData(next.flags, next.data);
      flight++;
    }
    if (this.finPending && this.pending.length === 0) {
      this.finPending = false;
      w.windowSendFin();
    }
  }
}

/**
 * What `send` does for a queue with nothing waiting (no data, no FIN): a write that fits one
 * segment leaves at once when the windows allow (true), else false and nothing happened. A
 * socket that has no queue yet asks this first, and makes its queue only when it says false.
 */
export function sendAtOnce(w: SendWindow, data: string): boolean {
  if (w.windowClosed()) return false;
  const len = utf8Length(data);
  if (len > TCP_SEG_DATA || !fits(w, w.windowInFlight(), len)) return false;
  w.windowSendData(TCP_ACK | TCP_PSH, data);
  return true;
}

/** May a segment of `len` bytes leave now, `flight` being in flight: the congestion and send windows. */
function fits(w: SendWindow, flight: number, len: number): boolean {
  return flight < w.windowCwnd() && (flight === 0 || w.windowOutstanding() + len <= w.windowSndWnd());
}

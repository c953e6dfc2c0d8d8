/**
 * The link model: every Ethernet port sends at its line rate, one frame after another, from a
 * bounded FIFO (a NIC's qdisc with txqueuelen, a switch port's buffer). See docs/linux-behaviour.md,
 * "Links and queues".
 */

/** The labs' virtual NICs run at 1 Gbit/s, what an emulated e1000 reports (`ethtool`: 1000Mb/s). */
export const DEFAULT_SPEED_MBPS = 1000;
/**
 * The router stands for the site's uplink, which is faster than one server's NIC: 10 Gbit/s.
 * So in DR and TUN the replies' path out is not itself the bottleneck that NAT's director is.
 */
export const ROUTER_SPEED_MBPS = 10_000;
/** Linux's default txqueuelen for Ethernet (ether_setup); a switch port buffers as many frames. */
export const DEFAULT_TXQUEUELEN = 1000;
/** The smallest Ethernet frame without its FCS: shorter ones are padded. */
export const ETH_MIN_FRAME = 60;
/** What each frame costs the wire beyond its bytes: preamble and SFD 8, FCS 4, inter-frame gap 12. */
export const ETH_WIRE_OVERHEAD = 24;

/** Bytes a frame of `frameLen` (header and payload, no FCS) occupies on the wire. */
export function wireBytes(frameLen: number): number {
  return Math.max(ETH_MIN_FRAME, frameLen) + ETH_WIRE_OVERHEAD;
}

/**
 * One port's transmit side. Serialisation takes bytes × 8 / rate; the exact end time is kept as
 * whole microseconds plus a remainder in units of 1 / (rate in bit/s) µs, so back-to-back frames
 * never drift however their sub-microsecond parts add up. Frames that must wait count against the
 * queue limit; the one on the wire does not (it has left the qdisc for the driver).
 */
export class LinkQueue {
  private endUs = 0;
  /** Fraction of a microsecond past endUs, in bit-microseconds (0 ≤ rem < bitsPerSec). */
  private rem = 0;
  /** Start times of frames still waiting, oldest first: whole µs, and whether a fraction follows. */
  private waitUs: number[] = [];
  private waitFrac: boolean[] = [];
  private head = 0;

  constructor(
    private readonly speedMbps: () => number,
    private readonly limit: () => number,
  ) {}

  /** Frames waiting at `now` (not counting the one being sent). */
  backlog(now: number): number {
    const n = this.waitUs.length;
    while (this.head < n && this.startedBy(this.head, now)) this.head++;
    if (this.head > 1024) {
      this.waitUs = this.waitUs.slice(this.head);
      this.waitFrac = this.waitFrac.slice(this.head);
      this.head = 0;
    }
    return this.waitUs.length - this.head;
  }

  private startedBy(i: number, now: number): boolean {
    const us = this.waitUs[i]!;
    return us < now || (us === now && !this.waitFrac[i]);
  }

  /** When the frame `take` accepted last starts to leave: its first bit (µs, rounded up). */
  slotStartUs = 0;
  /** When the frame `take` accepted last has left: its last bit (µs, rounded up). */
  slotEndUs = 0;

  /**
   * Queue a frame of `bytes` wire bytes at `now`: false when the queue is full (dropped), else
   * its slot is in `slotStartUs`/`slotEndUs` until the next call (no slot object: two frames'
   * worth per hop on the hot path).
   */
  take(now: number, bytes: number): boolean {
    const bps = this.speedMbps() * 1_000_000;
    const idle = this.endUs < now || (this.endUs === now && this.rem === 0);
    if (idle) {
      this.endUs = now;
      this.rem = 0;
    } else if (this.backlog(now) >= this.limit()) return false;
    const startUs = this.endUs + (this.rem > 0 ? 1 : 0);
    if (!idle) {
      this.waitUs.push(this.endUs);
      this.waitFrac.push(this.rem > 0);
    }
    const num = this.rem + bytes * 8 * 1_000_000;
    this.endUs += Math.floor(num / bps);
    this.rem = num % bps;
    this.slotStartUs = startUs;
    this.slotEndUs = this.endUs + (this.rem > 0 ? 1 : 0);
    return true;
  }
}

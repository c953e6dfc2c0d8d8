import { firstKept } from '../core/trace';
import type { Trace } from '../core/trace';
import type { EthernetFrame } from '../packet/types';

/** A frame as it crossed a segment, for pcap export and views. */
export interface WireFrame {
  id: string;
  t: number;
  segment: string;
  host: string;
  dev: string;
  frame: EthernetFrame;
}

/**
 * Every frame that crossed a segment, in order, read from the trace's `frame.tx` events: the
 * trace already holds each frame (compactly), so the wire log keeps only where each one is
 * (4 bytes a frame) instead of a second object graph per frame. With a bounded trace the
 * positions of frames it no longer holds are let go as the buffer fills (an hour-long run would
 * otherwise grow by 4 bytes a frame); a frame keeps its number, and those let go read as gone.
 */
export class WireFrames {
  private seqs = new Uint32Array(256);
  /** The number of the frame in `seqs[0]` (frames before it were let go). */
  private base = 0;
  private count = 0;

  constructor(private readonly trace: Trace) {}

  get length(): number {
    return this.count;
  }

  /** Positions held (the buffer's use; the tests' measure of the bound). */
  get held(): number {
    return this.count - this.base;
  }

  /** The next `frame.tx` the trace stores is a wire frame. */
  noteNext(): void {
    if (this.count - this.base === this.seqs.length) this.makeRoom();
    this.seqs[this.count++ - this.base] = this.trace.length;
  }

  /**
   * Let go of the frames the trace no longer holds in full (before its first kept event: `at`
   * finds none of them); grow only when that frees less than half the buffer.
   */
  private makeRoom(): void {
    const held = this.count - this.base;
    const first = firstKept(this.trace);
    let k = 0;
    while (k < held && this.seqs[k]! < first) k++;
    if (k > 0) {
      this.seqs.copyWithin(0, k, held);
      this.base += k;
    }
    if (k * 2 < this.seqs.length) {
      const b = new Uint32Array(this.seqs.length * 2);
      b.set(this.seqs.subarray(0, held - k));
      this.seqs = b;
    }
  }

  /** Frame `i` (0-based, negative from the end), or undefined past the end or if the trace no longer has it. */
  at(i: number): WireFrame | undefined {
    if (i < 0) i += this.count;
    if (!(i >= this.base && i < this.count)) return undefined;
    const ev = this.trace.at(this.seqs[i - this.base]!);
    if (ev?.kind !== 'frame.tx') return undefined;
    return { id: ev.frame, t: ev.t, segment: ev.segment, host: ev.host, dev: ev.dev, frame: ev.eth };
  }

  *[Symbol.iterator](): Iterator<WireFrame> {
    for (let i = this.base; i < this.count; i++) {
      const f = this.at(i);
      if (f) yield f;
    }
  }
}

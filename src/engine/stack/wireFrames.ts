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
 * (4 bytes a frame) instead of a second object graph per frame.
 */
export class WireFrames {
  private seqs = new Uint32Array(256);
  private count = 0;

  constructor(private readonly trace: Trace) {}

  get length(): number {
    return this.count;
  }

  /** The next `frame.tx` the trace stores is a wire frame. */
  noteNext(): void {
    if (this.count === this.seqs.length) {
      const b = new Uint32Array(this.seqs.length * 2);
      b.set(this.seqs);
      this.seqs = b;
    }
    this.seqs[this.count++] = this.trace.length;
  }

  /** Frame `i` (0-based, negative from the end), or undefined past the end or if the trace no longer has it. */
  at(i: number): WireFrame | undefined {
    if (i < 0) i += this.count;
    if (!(i >= 0 && i < this.count)) return undefined;
    const ev = this.trace.at(this.seqs[i]!);
    if (ev?.kind !== 'frame.tx') return undefined;
    return { id: ev.frame, t: ev.t, segment: ev.segment, host: ev.host, dev: ev.dev, frame: ev.eth };
  }

  *[Symbol.iterator](): Iterator<WireFrame> {
    for (let i = 0; i < this.count; i++) {
      const f = this.at(i);
      if (f) yield f;
    }
  }
}

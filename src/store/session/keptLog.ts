import type { TraceBuffer, TraceEvent, TraceLog, TraceSummary } from '@/engine';

/**
 * The mirror's trace once it let go of old detail: the same events as its buffer, under a new
 * object. Views cache what they derive by the trace's identity and extend it as it grows; a new
 * one each time detail is let go makes them start over from the first kept event, so no view
 * keeps rows, hops or counts of events that now read as undefined.
 */
export class KeptLog implements TraceLog {
  constructor(private readonly buffer: TraceBuffer) {}

  get length(): number {
    return this.buffer.length;
  }

  get first(): number {
    return this.buffer.first;
  }

  summarised(): TraceSummary | undefined {
    return this.buffer.summarised();
  }

  at(i: number): TraceEvent | undefined {
    return this.buffer.at(i);
  }

  /** The kind of event i without building it (the terminal's index skips most events so). */
  kindAt(i: number): string | undefined {
    return this.buffer.kindAt(i);
  }

  slice(from?: number, to?: number): TraceEvent[] {
    return this.buffer.slice(from, to);
  }

  [Symbol.iterator](): Iterator<TraceEvent> {
    return this.buffer[Symbol.iterator]();
  }

  toJSON(): TraceEvent[] {
    return this.buffer.slice();
  }

  /** @internal the mirror's writers (the buffer grows in place under this object) */
  get inner(): TraceBuffer {
    return this.buffer;
  }
}

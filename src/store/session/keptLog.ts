import type { TraceBuffer, TraceEvent, TraceLog, TraceSummary } from '@/engine';

/**
 * The mirror's trace once it let go of old detail: the same events as its buffer, under a new
 * object. Views cache what they derive by the trace's identity and extend it as it grows; a new
 * one each time detail is let go tells them that events before `first` are gone, so no view
 * keeps rows, hops or counts of them. `letGoFrom` is the trace it replaces, whose events from
 * `first` on are these, at the same positions: a view may move what it derived over, dropping
 * what came before `first` (ui/model/letGoPrefix.ts), instead of starting over.
 */
export class KeptLog implements TraceLog {
  private before: TraceLog | undefined;

  constructor(
    private readonly buffer: TraceBuffer,
    before?: TraceLog,
  ) {
    this.before = before;
    // One step back only: the trace before that one (and what views keep for it) can be freed.
    if (before instanceof KeptLog) before.before = undefined;
  }

  /** The trace this one replaced when detail was let go (its events from `first` on are these). */
  get letGoFrom(): TraceLog | undefined {
    return this.before;
  }

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

  eachSticky(from: number, to: number, each: (i: number) => void): void {
    this.buffer.eachSticky(from, to, each);
  }

  /** The time of event i without building it (playback's binary searches read only times). */
  timeAt(i: number): number | undefined {
    return this.buffer.timeAt(i);
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

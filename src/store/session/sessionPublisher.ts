import type { LabRuntime, TraceEvent, TraceLog } from '@/engine';
import type { RunningInfo, SessionEvent } from './protocol';

/** Events one `trace-append` carries at most, and characters of printed output. */
export const BATCH_EVENTS = 2048;
export const BATCH_TEXT = 64 * 1024;

/**
 * The next batch from `from`: a long replay or a command that prints megabytes reaches the page
 * in messages of bounded size, each cheap to clone and to apply. Each event is built once.
 */
function nextBatch(trace: TraceLog, from: number): TraceEvent[] {
  const events = trace.slice(from, Math.min(trace.length, from + BATCH_EVENTS));
  let text = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.kind === 'cmd.out') text += e.text.length;
    if (text > BATCH_TEXT && i > 0) return events.slice(0, i);
  }
  return events;
}

/**
 * What a session tells its mirror after each step: the trace and results it appended since the
 * last time, the sysctl values at the end when a write happened, and the running command.
 */
export class SessionPublisher {
  private trace = 0;
  private results = 0;
  private sysctlsSent = false;
  /** The first event in full detail the mirror was last told of (0: nothing summarised). */
  private firstSent = 0;
  /** The session's trace bound (events kept in full detail), told to the mirror with what it summarised. */
  keep = Infinity;

  constructor(private readonly emit: (e: SessionEvent) => void) {}

  /** Events published so far (the session keeps them and what follows in full detail until then). */
  get published(): number {
    return this.trace;
  }

  reset(rt: LabRuntime): void {
    this.firstSent = 0;
    this.trace = 0;
    this.results = 0;
    this.sysctlsSent = false;
    this.emit({ type: 'reset', def: rt.def, hostNames: rt.hostNames() });
  }

  /**
   * A fork's new engine whose trace and results so far are the first ones already published
   * (it ran a prefix of the old log): the mirror keeps those. False when it has more than was
   * published, or when the mirror may have let go of detail (then only a reset will do).
   */
  rewind(rt: LabRuntime): boolean {
    if (rt.trace.length > this.trace || rt.results.length > this.results || this.firstSent > 0) return false;
    this.trace = rt.trace.length;
    this.results = rt.results.length;
    this.sysctlsSent = false;
    this.emit({ type: 'rewind', trace: this.trace, results: this.results, now: rt.sim.now });
    return true;
  }

  /**
   * `running`: undefined leaves it as it was, null says no command runs now. What is published
   * may be summarised from then on (the runtime's bound): the mirror is told what was.
   */
  publish(rt: LabRuntime, running?: RunningInfo | null): void {
    const trace = rt.trace;
    let sysctlWritten = !this.sysctlsSent;
    while (trace.length > this.trace) {
      const events = nextBatch(trace, this.trace);
      // A new device brings its own conf keys: the values at the end change with it too.
      sysctlWritten ||= events.some((e) => e.kind === 'sysctl.set' || e.kind === 'net.link');
      this.emit({ type: 'trace-append', from: this.trace, events, now: rt.sim.now });
      this.trace += events.length;
    }
    if (rt.results.length > this.results) {
      this.emit({ type: 'results-append', from: this.results, results: rt.results.slice(this.results) });
      this.results = rt.results.length;
    }
    if (sysctlWritten) {
      const hosts: Record<string, [string, number][]> = {};
      for (const [name, host] of rt.net.hosts)
        hosts[name] = [...host.sysctl.keys()].map((k) => [k, host.sysctl.get(k)!] as [string, number]);
      this.emit({ type: 'sysctls', hosts });
      this.sysctlsSent = true;
    }
    if (running !== undefined) this.emit({ type: 'running', running });
    rt.pinTrace(this.trace);
    const summary = trace.summarised?.();
    const first = trace.first ?? 0;
    if (summary && first > this.firstSent) {
      this.firstSent = first;
      this.emit({ type: 'summarised', first, keep: this.keep, summary: structuredClone(summary) });
    }
  }

  progress(done: number, total: number): void {
    this.emit({ type: 'progress', done, total });
  }

  checkpoints(state: { ready: number[]; pending: number }): void {
    this.emit({ type: 'checkpoints', ...state });
  }
}

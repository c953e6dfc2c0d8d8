import type { LabRuntime, TraceEvent, TraceLog } from '@/engine';
import type { RunningInfo, SessionEvent } from './protocol';

/**
 * Events one `trace-append` carries at most, and characters of printed output. The page stores
 * each message's events in one task: 2,048 made that a 30-50 ms task in a long `ab`.
 */
export const BATCH_EVENTS = 1024;
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
  /**
   * A rewind kept events the new engine has yet to run again (a fork's replay): until a publish
   * sees it has, the end values and time are not sent, and a stop may take some back (`settle`).
   */
  private ahead = false;
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
    this.ahead = false;
    this.emit({ type: 'reset', def: rt.def, hostNames: rt.hostNames() });
  }

  /**
   * A fork's new engine whose trace and results so far are the first ones already published
   * (it ran a prefix of the old log): the mirror keeps those. False when it has more than was
   * published, or when the mirror may have let go of detail (then only a reset will do).
   * `shared`: how far the replay ahead will run the same commands as the old engine (the kept
   * log's end in the old trace); the mirror keeps that much at once, and the replay sends only
   * what comes after it.
   */
  rewind(rt: LabRuntime, shared?: { trace: number; results: number }): boolean {
    if (rt.trace.length > this.trace || rt.results.length > this.results || this.firstSent > 0) return false;
    const ahead =
      shared !== undefined &&
      shared.trace >= rt.trace.length &&
      shared.results >= rt.results.length &&
      shared.trace <= this.trace &&
      shared.results <= this.results;
    this.trace = ahead ? shared.trace : rt.trace.length;
    this.results = ahead ? shared.results : rt.results.length;
    this.sysctlsSent = false;
    this.ahead = ahead;
    this.emit({ type: 'rewind', trace: this.trace, results: this.results, now: rt.sim.now });
    return true;
  }

  /**
   * The end of a replay after a rewind that kept more than its engine had: if it stopped before
   * running all that again, the mirror forgets what it did not run. Being stopped cut its last
   * command short, so that command's events and result are not the ones kept either.
   */
  settle(rt: LabRuntime, stopped: boolean): void {
    if (!this.ahead) return;
    const cut = stopped ? rt.results[rt.results.length - 1] : undefined;
    const trace = cut ? Math.min(cut.traceFrom, rt.trace.length) : rt.trace.length;
    const results = cut ? rt.results.length - 1 : rt.results.length;
    if (trace >= this.trace && results >= this.results) return;
    this.ahead = false;
    this.trace = Math.min(this.trace, trace);
    this.results = Math.min(this.results, results);
    this.emit({ type: 'rewind', trace: this.trace, results: this.results, now: rt.sim.now });
  }

  /**
   * `running`: undefined leaves it as it was, null says no command runs now. What is published
   * may be summarised from then on (the runtime's bound): the mirror is told what was.
   */
  publish(rt: LabRuntime, running?: RunningInfo | null): void {
    const trace = rt.trace;
    // Still running again what a rewind kept: the end values and time are not this yet.
    const behind = trace.length < this.trace || rt.results.length < this.results;
    let sysctlWritten = !this.sysctlsSent && !behind;
    if (this.ahead && !behind) {
      this.ahead = false;
      if (trace.length === this.trace)
        this.emit({ type: 'trace-append', from: this.trace, events: [], now: rt.sim.now });
    }
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

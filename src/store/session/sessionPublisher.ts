import type { LabRuntime } from '@/engine';
import type { RunningInfo, SessionEvent } from './protocol';

/**
 * What a session tells its mirror after each step: the trace and results it appended since the
 * last time, the sysctl values at the end when a write happened, and the running command.
 */
export class SessionPublisher {
  private trace = 0;
  private results = 0;
  private sysctlsSent = false;

  constructor(private readonly emit: (e: SessionEvent) => void) {}

  reset(rt: LabRuntime): void {
    this.trace = 0;
    this.results = 0;
    this.sysctlsSent = false;
    this.emit({ type: 'reset', def: rt.def, hostNames: rt.hostNames() });
  }

  /** `running`: undefined leaves it as it was, null says no command runs now. */
  publish(rt: LabRuntime, running?: RunningInfo | null): void {
    const trace = rt.trace;
    let sysctlWritten = !this.sysctlsSent;
    if (trace.length > this.trace) {
      const events = trace.slice(this.trace);
      // A new device brings its own conf keys: the values at the end change with it too.
      sysctlWritten ||= events.some((e) => e.kind === 'sysctl.set' || e.kind === 'net.link');
      this.emit({ type: 'trace-append', from: this.trace, events, now: rt.sim.now });
      this.trace = trace.length;
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
  }

  progress(done: number, total: number): void {
    this.emit({ type: 'progress', done, total });
  }
}

import { engine } from '../engine';
import { KeptLog } from './keptLog';
import { SplicedLog } from './splicedLog';
import type {
  CommandResult,
  LabDefinition,
  Sysctl,
  TraceBuffer,
  TraceEvent,
  TraceLog,
  TraceSummary,
} from '@/engine';

/** The trace before the session published any (the compact buffer needs the loaded engine). */
const NO_EVENTS: TraceLog = Object.freeze([]) as readonly TraceEvent[];

/**
 * The views' picture of a lab session: plain data the session published (the trace, the
 * commands' results, the sysctl values at the end). A new object for each new engine, so views
 * that cache by identity (the trace model, a terminal's drawn state) start over with it; in
 * between it grows in place as the session appends.
 */
export class SessionView {
  private log: TraceBuffer | SplicedLog | undefined;
  readonly results: CommandResult[] = [];
  /** Virtual time at the end of what the session ran, µs. */
  now = 0;
  private sysctlEnd = new Map<string, Map<string, number>>();
  /** The trace as views read it after detail was let go (a new object each time). */
  private shown: KeptLog | undefined;
  /** What the session summarised: events before `first`, `keep` its bound. */
  private session = { first: 0, keep: Infinity };
  /** Detail the views still need from here on (the cursor): never let go. */
  private held = Infinity;
  /** The session's own account of what it summarised (the mirror's counts the same events). */
  sessionSummary: TraceSummary | undefined;

  constructor(
    readonly def: LabDefinition,
    private readonly names: readonly string[],
  ) {}

  /** The published trace, kept in the engine's compact columns (read with at/length/iteration). */
  get trace(): TraceLog {
    return this.shown ?? this.log ?? NO_EVENTS;
  }

  hostNames(): string[] {
    return [...this.names];
  }

  /** A host's sysctls after the first `cursor` events (the end values with later writes undone). */
  sysctlAt(host: string, cursor: number): Sysctl | undefined {
    const end = this.sysctlEnd.get(host);
    return (
      end && new (engine().Sysctl)(Object.fromEntries(engine().sysctlValuesAt(this.trace, cursor, host, end)))
    );
  }

  /** Does this text still need more lines (heredoc, `for … do` without `done`, trailing `\`)? */
  isComplete(_host: string, source: string): boolean {
    return engine().isCompleteSource(source);
  }

  /** Results of the commands the user typed (not the lab's configured steps). */
  userResults(): CommandResult[] {
    return this.results.filter((r) => !r.setup);
  }

  /** Trace position right after the lab's configured steps: where a fresh session starts. */
  setupEnd(): number {
    let end = 0;
    for (const r of this.results) if (r.setup) end = r.traceTo;
    return end;
  }

  /**
   * The mirror of a fork's new engine, which ran the first `results` commands again and so has
   * the same first `trace` events: those are kept from this one, the rest follows as published.
   */
  rewound(trace: number, results: number, now: number): SessionView {
    const next = new SessionView(this.def, this.names);
    const old = this.trace;
    const tail = new (engine().TraceBuffer)();
    if (old instanceof SplicedLog && old.deep) {
      for (let i = 0; i < trace; i++) tail.append(old.at(i)!);
      next.log = tail;
    } else next.log = new SplicedLog(old, trace, tail);
    next.results.push(...this.results.slice(0, results));
    next.sysctlEnd = this.sysctlEnd;
    next.now = now;
    return next;
  }

  /** @internal the session let go of the detail before `first`: the mirror follows, as far as it may. */
  summarised(first: number, keep: number, summary: TraceSummary): void {
    this.session = { first, keep };
    this.sessionSummary = summary;
    this.letGo();
  }

  /** @internal the views need detail from `cursor` on (the store's cursor): keep it. */
  hold(cursor: number): void {
    if (cursor === this.held) return;
    this.held = cursor;
    this.letGo();
  }

  /**
   * Let go of the detail the session did, not past what the views hold, in steps of a quarter
   * of the bound: each step hands the views a new trace, which they carry their state over to.
   */
  private letGo(): void {
    const to = Math.min(this.session.first, Math.max(0, this.held));
    const before = this.trace;
    const first = before.first ?? 0;
    if (!this.log || to - first < Math.max(1, this.session.keep / 4)) return;
    if (this.log instanceof SplicedLog) {
      // A fork's mirror shares its first events with the trace before it: copy them once.
      const copy = new (engine().TraceBuffer)();
      for (let i = 0; i < this.log.length; i++) copy.append(this.log.at(i)!);
      this.log = copy;
    }
    this.log.bound(0, to);
    this.log.bound(Infinity); // nothing more until told: the views move over only here
    if (this.log.first !== first) this.shown = new KeptLog(this.log, before);
  }

  /** @internal the mirror's writers */
  append(from: number, events: readonly TraceEvent[], now: number): void {
    const log = (this.log ??= new (engine().TraceBuffer)());
    log.truncate(from);
    for (const e of events) log.append(e);
    this.now = now;
  }

  appendResults(from: number, results: readonly CommandResult[]): void {
    this.results.length = from;
    for (const r of results) this.results.push(r);
  }

  setSysctls(hosts: Record<string, [string, number][]>): void {
    this.sysctlEnd = new Map(Object.entries(hosts).map(([h, kv]) => [h, new Map(kv)]));
  }
}

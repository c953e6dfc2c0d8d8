import type { LabRuntime, RunningCommand } from '@/engine';
import { engine } from '../engine';
import type { EngineModule } from '../engine';
import { sizeOf } from '../labSpec';
import type { LabSpec, LogEntry } from '../labSpec';
import type { RequestMessage, RunningInfo, SessionEvent, SessionMessage, SessionReply } from './protocol';
import type { LogShape } from './checkpointPlan';
import { Checkpoints } from './checkpoints';
import { ReplayChunks } from './replayChunks';
import type { ChunkClock } from './replayChunks';
import { SessionPublisher } from './sessionPublisher';

/** How many silent simulation events one `advance` may run looking for something to show. */
const MAX_WAKES = 200;
/**
 * Wall-clock milliseconds of engine work one `advance` may take (issue 11: the page never
 * blocks). A wake of a busy command (a loop, `yes`) can cost a lot; stopping here leaves the
 * frame time to draw and to see Ctrl-C. The result does not depend on it: a command run in any
 * chunks ends as if run in one go.
 */
const ADVANCE_BUDGET_MS = 8;
/**
 * Virtual time one step may cover: a CPU quantum (engine/shell/cpu.ts). A busy command's next
 * wake may lie far ahead (every turn of `yes` or of a loop is due at once), so each step is
 * bounded in virtual time, and with virtual CPU charging that bounds its work.
 */
const ADVANCE_STEP_US = 1000;
/**
 * Trace events one `advance` should add at most: the page folds what arrives between two frames
 * in one of them. `ab -c 20` on the lab's fast links makes ~30,000 events in a millisecond of
 * virtual time, which folded in one frame was a 60-100 ms task; each step starts small and grows
 * only while it stays under this.
 */
const ADVANCE_EVENTS = 2048;
/** The first step of a command, µs: ten of them make an instant command's time. */
const FIRST_STEP_US = 50;
/**
 * Trace events a session keeps in full detail (issue 10: an hour-long class stays bounded):
 * older ones are summarised a chunk at a time, never before the page has them. About 1,700 of
 * the seed's loop requests, some 14 minutes of it.
 */
export const DEFAULT_TRACE_KEEP = 262_144;
/** Wall time one replay chunk may take before the page gets a turn (issue 11: no long tasks). */
export const REPLAY_BUDGET_MS = 30;
/**
 * The first chunk may take longer: a usual log (a few commands) then opens in one go, in the
 * same task, with no flash of a progress bar; only a long one is chunked and shows progress.
 */
export const REPLAY_FIRST_BUDGET_MS = 250;

function sameEntry(a: LogEntry, b: LogEntry): boolean {
  return a.host === b.host && a.command === b.command && a.maxTimeUs === b.maxTimeUs;
}

function labKey(spec: LabSpec): string {
  const { servers, clients } = sizeOf(spec);
  return `${spec.labId}|${spec.seed}|${spec.bare ? 1 : 0}|${servers}|${clients}`;
}

/** The log entry that replays a live command exactly: Ctrl-C is recorded as the time it ran. */
function entryFor(run: RunningCommand, interrupted: boolean): LogEntry {
  const entry: LogEntry = { host: run.host, command: run.command };
  if (interrupted || run.elapsedUs > engine().DEFAULT_MAX_TIME_US) entry.maxTimeUs = run.elapsedUs;
  return entry;
}

/**
 * Where the old engine's trace and results stood after the commands a new log shares with its
 * log (a fork keeps a prefix): the new engine, running the same commands from the same start,
 * makes the same events up to there. Undefined when they share none.
 */
function sharedEnd(
  rt: LabRuntime,
  before: readonly LogEntry[],
  log: readonly LogEntry[],
): { trace: number; results: number } | undefined {
  let n = 0;
  while (n < log.length && n < before.length && sameEntry(log[n]!, before[n]!)) n++;
  if (n === 0) return undefined;
  let users = 0;
  for (let i = 0; i < rt.results.length; i++) {
    const r = rt.results[i]!;
    if (!r.setup && ++users === n) return { trace: r.traceTo, results: i + 1 };
  }
  return undefined;
}

/** A replay under way; `from` and `spare` say where it started (the reply's stats). */
interface Replay {
  id: number;
  job: ReplayChunks;
  stop: boolean;
  chunks: number;
  from: number;
  spare: boolean;
}

/**
 * One lab's engine: the LabRuntime, the log it ran and the command running now. It answers
 * requests in order (a replay under way holds the ones behind it) and publishes what changed
 * as plain events; nothing outside it holds an engine object.
 */
export class LabSession {
  private rt: LabRuntime | undefined;
  private spec: LabSpec | undefined;
  private log: LogEntry[] = [];
  private running: RunningCommand | undefined;
  private replay: Replay | undefined;
  private readonly queue: RequestMessage[] = [];
  private readonly pub: SessionPublisher;
  private closed = false;
  private readonly budget: { first: number; next: number };
  /** Virtual time the running command's next step may cover, µs (see ADVANCE_EVENTS). */
  private stepUs = FIRST_STEP_US;
  /** Spare runtimes at checkpoints of the log: acting in the past replays from the nearest. */
  private readonly spares: Checkpoints;
  private keep = DEFAULT_TRACE_KEEP;

  constructor(
    private readonly engine: EngineModule,
    private readonly post: (m: SessionMessage) => void,
    private readonly clock: ChunkClock,
    budgetMs?: number,
  ) {
    this.budget =
      budgetMs === undefined
        ? { first: REPLAY_FIRST_BUDGET_MS, next: REPLAY_BUDGET_MS }
        : { first: budgetMs, next: budgetMs };
    this.pub = new SessionPublisher((event: SessionEvent) => this.post({ kind: 'event', event }));
    this.pub.keep = this.keep;
    this.spares = new Checkpoints(
      clock,
      () => this.closed || !!this.replay || this.queue.length > 0 || !!(this.running && !this.running.done),
      (state) => this.pub.checkpoints(state),
    );
  }

  handle(m: RequestMessage): void {
    if (this.closed) return;
    if (m.request.type === 'stop-replay') {
      if (this.replay) this.replay.stop = true;
      this.reply(m.id, { type: 'ok' });
      return;
    }
    this.queue.push(m);
    this.drain();
  }

  /** Drop the engine (the store that owned it is gone). */
  dispose(): void {
    this.closed = true;
    this.rt?.finish();
    this.rt = undefined;
    this.replay = undefined;
    this.queue.length = 0;
  }

  private reply(id: number, reply: SessionReply): void {
    if (!this.closed) this.post({ kind: 'reply', id, reply });
  }

  private drain(): void {
    while (!this.replay && !this.closed && this.queue.length > 0) {
      const m = this.queue.shift()!;
      try {
        this.dispatch(m);
      } catch (e) {
        this.replay = undefined;
        this.reply(m.id, { type: 'error', message: e instanceof Error ? e.message : String(e) });
      }
    }
    const spec = this.spec;
    if (!this.replay && !this.closed && spec && this.rt)
      this.spares.plan(labKey(spec), this.log, this.shape(this.rt), () => this.newRuntime(spec));
  }

  /** Where each log entry's events end in the trace (the checkpoints are placed by them). */
  private shape(rt: LabRuntime): LogShape {
    let start = 0;
    const ends: number[] = [];
    for (const r of rt.results)
      if (r.setup) start = r.traceTo;
      else ends.push(r.traceTo);
    return { start, ends: ends.slice(0, this.log.length) };
  }

  private newRuntime(spec: LabSpec): LabRuntime {
    return this.engine.LabRuntime.create(spec.labId, { seed: spec.seed, bare: spec.bare, ...sizeOf(spec) });
  }

  private dispatch({ id, request: r }: RequestMessage): void {
    switch (r.type) {
      case 'replay':
        return this.startReplay(id, r.spec);
      case 'fork':
        return this.startReplay(id, { ...this.spec!, log: this.log.slice(0, r.keep) });
      case 'exec': {
        const result = this.runtime().exec(r.entry);
        this.log.push(r.entry);
        this.pub.publish(this.runtime());
        return this.reply(id, { type: 'result', result });
      }
      case 'begin': {
        const rt = this.runtime();
        const run = rt.begin({ host: r.host, command: r.command });
        this.running = run;
        const info: RunningInfo = {
          host: run.host,
          command: run.command,
          index: rt.results.length,
          startUs: run.startUs,
          elapsedUs: 0,
        };
        this.pub.publish(rt, info);
        return this.reply(id, { type: 'begun', running: info });
      }
      case 'advance':
        return this.advance(id, r.mode);
      case 'interrupt': {
        const run = this.running;
        if (!run) return this.reply(id, { type: 'ok' });
        if (!run.done) run.interrupt();
        return this.ended(id, run);
      }
      case 'stop-replay':
        return this.reply(id, { type: 'ok' });
      case 'bound':
        this.keep = this.pub.keep = r.keep > 0 ? r.keep : DEFAULT_TRACE_KEEP;
        this.rt?.boundTrace(this.keep, this.pub.published);
        return this.reply(id, { type: 'ok' });
    }
  }

  private runtime(): LabRuntime {
    if (!this.rt) throw new Error('no lab open in this session');
    return this.rt;
  }

  private advance(id: number, mode: 'instant' | 'next-event'): void {
    const run = this.running;
    const rt = this.runtime();
    if (!run) return this.reply(id, { type: 'ok' });
    if (mode === 'instant') {
      // An instant command ends within this time; a busy one stops at the events' bound and
      // goes on with playback. Run in any steps, a command ends as if run in one go.
      const end = rt.sim.now + engine().INSTANT_COMMAND_US;
      const length = rt.trace.length;
      this.stepUs = FIRST_STEP_US;
      while (!run.done && rt.sim.now < end && rt.trace.length - length < ADVANCE_EVENTS) {
        const now = rt.sim.now;
        this.runStep(run, Math.min(end, now + this.stepUs));
        if (rt.sim.now === now) break; // no time passed: it waits on nothing (a safeguard)
      }
    } else {
      const length = rt.trace.length;
      const until = this.clock.now() + ADVANCE_BUDGET_MS;
      for (let i = 0; i < MAX_WAKES && !run.done && rt.trace.length === length; i++) {
        if (i > 0 && this.clock.now() > until) break;
        const wake = run.nextWakeUs();
        if (wake === undefined) break;
        this.runStep(run, Math.min(wake, rt.sim.now + this.stepUs));
      }
    }
    if (run.done) return this.ended(id, run);
    this.pub.publish(rt);
    this.reply(id, { type: 'ok' });
  }

  /** Run to `to`, then size the next step by how many events this one made. */
  private runStep(run: RunningCommand, to: number): void {
    const rt = this.runtime();
    const length = rt.trace.length;
    run.advanceTo(to);
    const made = rt.trace.length - length;
    if (made > ADVANCE_EVENTS / 2) this.stepUs = Math.max(1, this.stepUs >> 2);
    else if (made < ADVANCE_EVENTS / 8) this.stepUs = Math.min(ADVANCE_STEP_US, this.stepUs * 2);
  }

  private ended(id: number, run: RunningCommand): void {
    const result = run.result!;
    const entry = entryFor(run, result.interrupted);
    this.log.push(entry);
    this.running = undefined;
    this.pub.publish(this.runtime(), null);
    this.reply(id, { type: 'ended', result, entry });
  }

  /** Bring the engine to `spec`: what it ran is kept when the new log extends it, else it starts over. */
  private startReplay(id: number, spec: LabSpec): void {
    if (this.running && !this.running.done) this.running.interrupt();
    if (this.running) this.log.push(entryFor(this.running, true));
    this.running = undefined;
    const extends_ =
      this.rt !== undefined &&
      this.spec !== undefined &&
      labKey(this.spec) === labKey(spec) &&
      this.log.length <= spec.log.length &&
      this.log.every((e, i) => sameEntry(e, spec.log[i]!));
    let spare: { rt: LabRuntime; log: LogEntry[] } | undefined;
    if (!extends_) {
      const before = this.rt && this.spec && labKey(this.spec) === labKey(spec) ? this.log : undefined;
      const shared = before && this.rt ? sharedEnd(this.rt, before, spec.log) : undefined;
      this.rt?.finish();
      // The nearest checkpoint's spare ran a prefix of this log already: replay only the rest.
      spare = this.spares.take(labKey(spec), spec.log);
      this.rt = spare?.rt ?? this.newRuntime(spec);
      this.log = spare ? [...spare.log] : [];
      // What it ran is what the old engine ran first: the page keeps those events (a fork).
      const prefix =
        before !== undefined && this.log.every((e, i) => i < before.length && sameEntry(e, before[i]!));
      if (!(prefix && this.pub.rewind(this.rt, shared))) this.pub.reset(this.rt);
      // A long session summarises what the page already has (a spare's trace is not bounded).
      this.rt.boundTrace(this.keep, this.pub.published);
    }
    this.spec = spec;
    this.replay = {
      id,
      job: new ReplayChunks(this.rt!, spec.log.slice(this.log.length)),
      stop: false,
      chunks: 0,
      from: this.log.length,
      spare: spare !== undefined,
    };
    this.step();
  }

  /** One chunk of the replay; the next one after the page had its turn. */
  private step(): void {
    const r = this.replay;
    if (!r || this.closed) return;
    try {
      this.chunk(r);
    } catch (e) {
      // A log the engine cannot run: the next replay starts from a new engine.
      this.rt = undefined;
      this.replay = undefined;
      this.reply(r.id, { type: 'error', message: e instanceof Error ? e.message : String(e) });
      this.drain();
    }
  }

  private chunk(r: Replay): void {
    if (r.stop) r.job.stop();
    const budget = r.chunks++ === 0 ? this.budget.first : this.budget.next;
    const finished = r.job.finished || r.job.slice(this.clock, budget);
    const rt = this.runtime();
    if (!finished) {
      this.pub.publish(rt);
      this.pub.progress(r.job.done, r.job.total);
      this.clock.later(() => this.step());
      return;
    }
    this.log.push(...r.job.ran);
    this.spec = { ...this.spec!, log: [...this.log] };
    this.replay = undefined;
    this.pub.settle(rt, r.stop);
    this.pub.publish(rt, null);
    const stats = { from: r.from, ran: r.job.ran.length, spare: r.spare };
    this.reply(r.id, { type: 'replayed', log: [...this.log], stopped: r.stop, stats });
    this.drain();
  }
}

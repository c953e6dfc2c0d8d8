import type { LabRuntime } from '@/engine';
import type { LogEntry } from '../labSpec';
import { checkpointsFor } from './checkpointPlan';
import type { LogShape } from './checkpointPlan';
import { ReplayChunks } from './replayChunks';
import type { ChunkClock } from './replayChunks';

/** A runtime that ran exactly the first `log.length` entries of a lab's log, kept aside. */
interface Spare {
  key: string;
  log: LogEntry[];
  rt: LabRuntime;
}

/** Wall time one idle build step may take (the page's frames come first). */
const IDLE_BUDGET_MS = 8;
/**
 * Wall time after the session settles before building starts: the page is still drawing what
 * the session just sent (a fork's first frame), and on a machine with two cores a build step
 * then takes a core from it.
 */
export const QUIET_MS = 250;

const same = (a: LogEntry, b: LogEntry | undefined) =>
  b !== undefined && a.host === b.host && a.command === b.command && a.maxTimeUs === b.maxTimeUs;
const prefixOf = (short: readonly LogEntry[], long: readonly LogEntry[]) =>
  short.length <= long.length && short.every((e, i) => same(e, long[i]));

/** What the session is told when the spares change: the ready ones and how many are still to build. */
export interface SpareState {
  ready: number[];
  pending: number;
}

/**
 * Spare runtimes at checkpoints of the log (checkpointPlan.ts), built in idle time, so that
 * acting in the past replays only from the nearest checkpoint instead of from 0. A spare is the
 * same replay from 0 done ahead of time, so what a fork from it gives is byte-identical
 * (checkpoints.test.ts).
 */
export class Checkpoints {
  private spares: Spare[] = [];
  private build: { spare: Spare; job: ReplayChunks } | undefined;
  private want: { key: string; log: LogEntry[]; points: number[]; make: () => LabRuntime } | undefined;
  private scheduled = false;
  private told = '';
  /** When the session last settled (plan): building waits QUIET_MS from then. */
  private settledAt = -Infinity;

  constructor(
    private readonly clock: ChunkClock,
    private readonly busy: () => boolean,
    private readonly changed: (state: SpareState) => void = () => {},
  ) {}

  /** The spare that ran the longest prefix of `log`, taken out (it runs on from there). */
  take(key: string, log: readonly LogEntry[]): Spare | undefined {
    const fits = this.spares.filter((s) => s.key === key && prefixOf(s.log, log));
    const best = fits.sort((a, b) => b.log.length - a.log.length)[0];
    if (best) this.spares = this.spares.filter((s) => s !== best);
    this.tell();
    return best;
  }

  /**
   * The session settled on `log` (of that shape): keep the spares that still fit it and are
   * still wanted, and build the missing ones when idle.
   */
  plan(key: string, log: readonly LogEntry[], shape: LogShape, make: () => LabRuntime): void {
    const points = checkpointsFor(shape);
    const wanted = new Set(points);
    this.spares = this.spares.filter(
      (s) => s.key === key && wanted.has(s.log.length) && prefixOf(s.log, log),
    );
    const b = this.build?.spare;
    if (b && !(b.key === key && wanted.has(b.log.length) && prefixOf(b.log, log))) this.build = undefined;
    this.want = { key, log: [...log], points, make };
    this.tell();
    this.settledAt = this.clock.now();
    if (this.missing() !== undefined || this.build) this.schedule();
  }

  /** The log lengths with a spare ready (for tests and the benchmark). */
  get ready(): number[] {
    return this.spares.map((s) => s.log.length).sort((a, b) => a - b);
  }

  /** Say which spares are ready, and how many are to come, when that changed. */
  private tell(): void {
    const state = {
      ready: this.ready,
      pending: this.want ? this.want.points.length - this.spares.length : 0,
    };
    const text = JSON.stringify(state);
    if (text === this.told) return;
    this.told = text;
    this.changed(state);
  }

  /** The nearest checkpoint to the log's end first: acting a little in the past is the usual case. */
  private missing(): number | undefined {
    if (!this.want) return undefined;
    const have = new Set(this.spares.map((s) => s.log.length));
    if (this.build) have.add(this.build.spare.log.length);
    return this.want.points.find((p) => !have.has(p));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const go = () => {
      this.scheduled = false;
      this.tick();
    };
    const wait = this.settledAt + QUIET_MS - this.clock.now();
    if (wait > 0 && this.clock.after) this.clock.after(wait, go);
    else this.clock.later(go);
  }

  /** One idle step; when the session is busy, it waits for the next plan() (its next settling). */
  private tick(): void {
    if (this.busy() || !this.want) return;
    // Settled again since this step was scheduled: wait for quiet from then.
    if (this.clock.after && this.clock.now() < this.settledAt + QUIET_MS) return this.schedule();
    if (!this.build) {
      const p = this.missing();
      if (p === undefined) return;
      const { key, log, make } = this.want;
      const spare = { key, log: log.slice(0, p), rt: make() };
      this.build = { spare, job: new ReplayChunks(spare.rt, spare.log) };
      // Making a runtime is a step of its own (a lab's start is most of a frame's budget).
      this.schedule();
      return;
    }
    const { spare, job } = this.build;
    const done = job.slice(this.clock, IDLE_BUDGET_MS);
    if (done) {
      this.build = undefined;
      const keep = new Set(this.want.points);
      this.spares = [...this.spares.filter((s) => keep.has(s.log.length)), spare];
      this.tell();
    }
    if (this.build || this.missing() !== undefined) this.schedule();
  }
}

import type { LabRuntime } from '@/engine';
import type { LogEntry } from '../labSpec';
import { ReplayChunks } from './replayChunks';
import type { ChunkClock } from './replayChunks';

/** A runtime that ran exactly the first `log.length` entries of a lab's log, kept aside. */
interface Spare {
  key: string;
  log: LogEntry[];
  rt: LabRuntime;
}

/** Log entries between two checkpoints. */
export const CHECKPOINT_EVERY = 32;
/** Spares kept at most: each holds a whole runtime and its trace. */
export const MAX_SPARES = 3;
/** Wall time one idle build step may take (the page's frames come first). */
const IDLE_BUDGET_MS = 8;

const same = (a: LogEntry, b: LogEntry | undefined) =>
  b !== undefined && a.host === b.host && a.command === b.command && a.maxTimeUs === b.maxTimeUs;
const prefixOf = (short: readonly LogEntry[], long: readonly LogEntry[]) =>
  short.length <= long.length && short.every((e, i) => same(e, long[i]));

/**
 * The checkpoints where a spare is worth keeping for a log of `n` entries: the newest multiple of
 * CHECKPOINT_EVERY below n (acting a little in the past is the usual case), and older ones
 * spread evenly, MAX_SPARES in all. They move only when the log grows past a checkpoint.
 */
export function checkpointsFor(n: number): number[] {
  const count = Math.floor((n - 1) / CHECKPOINT_EVERY);
  if (count <= 0) return [];
  const step = Math.ceil(count / MAX_SPARES);
  const picks = new Set<number>([count]);
  for (let k = step; k < count && picks.size < MAX_SPARES; k += step) picks.add(k);
  return [...picks].map((k) => k * CHECKPOINT_EVERY).sort((a, b) => b - a);
}

/**
 * Spare runtimes at checkpoints of the log, built in idle time, so that acting in the past
 * replays only from the nearest checkpoint instead of from 0. A spare is the same replay from 0
 * done ahead of time, so what a fork from it gives is byte-identical (checkpoints.test.ts).
 */
export class Checkpoints {
  private spares: Spare[] = [];
  private build: { spare: Spare; job: ReplayChunks } | undefined;
  private want: { key: string; log: LogEntry[]; make: () => LabRuntime } | undefined;
  private scheduled = false;

  constructor(
    private readonly clock: ChunkClock,
    private readonly busy: () => boolean,
  ) {}

  /** The spare that ran the longest prefix of `log`, taken out (it runs on from there). */
  take(key: string, log: readonly LogEntry[]): Spare | undefined {
    const fits = this.spares.filter((s) => s.key === key && prefixOf(s.log, log));
    const best = fits.sort((a, b) => b.log.length - a.log.length)[0];
    if (best) this.spares = this.spares.filter((s) => s !== best);
    return best;
  }

  /** The session settled on `log`: keep the spares that still fit it, and build the missing ones when idle. */
  plan(key: string, log: readonly LogEntry[], make: () => LabRuntime): void {
    this.spares = this.spares.filter((s) => s.key === key && prefixOf(s.log, log));
    const b = this.build?.spare;
    if (b && !(b.key === key && prefixOf(b.log, log))) this.build = undefined;
    this.want = { key, log: [...log], make };
    if (this.missing() !== undefined || this.build) this.schedule();
  }

  /** How many spares are ready (for tests and the benchmark). */
  get ready(): number[] {
    return this.spares.map((s) => s.log.length).sort((a, b) => a - b);
  }

  private missing(): number | undefined {
    if (!this.want) return undefined;
    const have = new Set(this.spares.map((s) => s.log.length));
    if (this.build) have.add(this.build.spare.log.length);
    return checkpointsFor(this.want.log.length).find((p) => !have.has(p));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.clock.later(() => {
      this.scheduled = false;
      this.tick();
    });
  }

  /** One idle step; when the session is busy, it waits for the next plan() (its next settling). */
  private tick(): void {
    if (this.busy() || !this.want) return;
    if (!this.build) {
      const p = this.missing();
      if (p === undefined) return;
      const { key, log, make } = this.want;
      const spare = { key, log: log.slice(0, p), rt: make() };
      this.build = { spare, job: new ReplayChunks(spare.rt, spare.log) };
    }
    const { spare, job } = this.build;
    if (job.slice(this.clock, IDLE_BUDGET_MS)) {
      this.build = undefined;
      const keep = new Set(checkpointsFor(this.want.log.length));
      this.spares = [...this.spares.filter((s) => keep.has(s.log.length)), spare];
    }
    if (this.build || this.missing() !== undefined) this.schedule();
  }
}

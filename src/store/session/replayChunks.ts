import { engine } from '../engine';
import type { LabRuntime, RunningCommand } from '@/engine';
import type { LogEntry } from '../labSpec';

/** Virtual time one step of a replayed command may cover before the wall clock is looked at. */
const STEP_US = 50_000;

/** Wall-clock time and a way to go on later (a macrotask), so a long replay never blocks the page. */
export interface ChunkClock {
  now(): number;
  later(fn: () => void): void;
  /** `fn` after `ms` of wall time (a timer); without it, `later`. */
  after?(ms: number, fn: () => void): void;
}

/**
 * Replaying a log command by command, each one in virtual-time steps, until a wall-clock budget
 * is spent. Running a command in steps and interrupting it at its deadline is exactly `exec`
 * (runtime/runningCommand.test.ts), so a chunked replay gives the byte-identical trace.
 */
export class ReplayChunks {
  private i = 0;
  private run: RunningCommand | undefined;
  private deadline = 0;
  private target = 0;
  /** The log entries run so far (a command stopped half way is logged with the time it ran). */
  readonly ran: LogEntry[] = [];

  constructor(
    private readonly rt: LabRuntime,
    private readonly todo: readonly LogEntry[],
  ) {}

  get total(): number {
    return this.todo.length;
  }

  get done(): number {
    return this.i;
  }

  get finished(): boolean {
    return this.i >= this.todo.length;
  }

  /** Run until everything ran (true) or `budgetMs` of wall time went by (false). */
  slice(clock: ChunkClock, budgetMs: number): boolean {
    const start = clock.now();
    const spent = () => clock.now() - start >= budgetMs;
    while (this.i < this.todo.length) {
      const e = this.todo[this.i]!;
      if (!this.run) {
        this.run = this.rt.begin({ host: e.host, command: e.command });
        this.deadline = this.run.startUs + (e.maxTimeUs ?? engine().DEFAULT_MAX_TIME_US);
        this.target = this.run.startUs;
      }
      while (this.target < this.deadline) {
        const wake = this.run.nextWakeUs();
        // Nothing will ever happen before the deadline (a wait with no timer): go straight there.
        const step = wake === undefined ? this.deadline : Math.max(this.target + STEP_US, wake);
        this.target = Math.min(this.deadline, step);
        if (this.run.advanceTo(this.target)) break;
        if (spent()) return false;
      }
      this.run.advanceTo(this.deadline);
      this.run.interrupt();
      this.ran.push(e);
      this.run = undefined;
      this.i++;
      if (this.i < this.todo.length && spent()) return false;
    }
    return true;
  }

  /** Stop now: a command half way through is ended as Ctrl-C would and logged with its time. */
  stop(): void {
    const run = this.run;
    if (!run) return;
    const e = this.todo[this.i]!;
    run.interrupt();
    this.ran.push({ host: e.host, command: e.command, maxTimeUs: run.elapsedUs });
    this.run = undefined;
    this.i = this.todo.length;
  }
}

import { WorkCapExceeded } from '../core/sim';
import type { Sim } from '../core/sim';
import type { ShellResult } from '../shell/shell';
import type { Wait } from '../shell/types';
import { advancePending, pendingWait } from './commandDriver';
import type { PendingWait } from './commandDriver';
import type { CommandResult } from './labRuntime';

/** Output a command has printed so far (the terminal streams it while the command runs). */
export interface CommandOutput {
  stdout: string;
  stderr: string;
}

/**
 * The engine's work cap per command: more shell steps or simulation events than these and the
 * command is stopped as Ctrl-C would stop it, with a note on stderr. Counted from the command's
 * start, so a command run live in chunks is stopped at the same point as one run in one go.
 */
export const MAX_STEPS = 10_000_000;
export const MAX_EVENTS = 20_000_000;

/** The note a command stopped by the work cap gets on its standard error. */
export const WORK_CAP_NOTE = 'lvs-lab: the simulation stopped this command: it exceeded its work cap\n';

/** Who records a command's result when it ends (an object, not a closure made per command). */
export interface CommandEnding {
  ended(run: RunningCommand, exit: number, interrupted: boolean): CommandResult;
}

/**
 * A command under way on a lab runtime: virtual time passes only when asked (advanceTo), and
 * Ctrl-C (interrupt) may come at any point. `exec` is this with one advance to the deadline, so a
 * command run live in chunks and interrupted at elapsed T is the same as exec with maxTimeUs T.
 */
export class RunningCommand {
  private gen: Generator<Wait, ShellResult, void> | undefined;
  private step: IteratorResult<Wait, ShellResult> | undefined;
  /** The Wait the command is in, kept across chunks so it is resumed, never skipped. */
  private pending: PendingWait | undefined;
  private stopped = false;
  private steps = 0;
  private exit = 0;
  private res: CommandResult | undefined;
  /** Virtual time the command ended, before the settle window (what a log's maxTimeUs measures). */
  private endedAt: number | undefined;
  /** Simulation events run when the command started. */
  private readonly eventsAtStart: number;
  /** The work cap stopped it. */
  capped = false;
  /** The shell itself ended (`exit`, or it died) rather than coming back to its prompt. */
  exited = false;

  constructor(
    private readonly sim: Sim,
    readonly host: string,
    readonly command: string,
    readonly startUs: number,
    /** Told once, when the command has ended: it records the result. */
    private readonly ending: CommandEnding,
    /** What it has printed so far (the recorder's, which the output goes into). */
    readonly output: CommandOutput,
    /** The work cap in shell steps; a harness fuzz sets a small one (TestLab.sh maxSteps). */
    private readonly maxSteps = MAX_STEPS,
  ) {
    this.eventsAtStart = sim.executed;
    // Assigned here, not as a field initialiser: tsx (esbuild keepNames) renames such an arrow
    // with a defineProperty call as it is made, once per command. Made by another function than
    // the one storing it (docs/architecture.md, "Closures and young-generation GC").
    this.isInterrupted = RunningCommand.stoppedOf(this);
  }

  private static stoppedOf(run: RunningCommand): () => boolean {
    return () => run.stopped;
  }

  /** The shell's generator for the command; it runs up to its first Wait now. */
  attach(gen: Generator<Wait, ShellResult, void>): void {
    this.gen = gen;
    this.step = gen.next();
  }

  /** A command that ended before any Wait (a background tcpdump started, or failed to). */
  endNow(exit: number): void {
    this.exit = exit;
  }

  /** Read by the shell between steps: the user's Ctrl-C. */
  readonly isInterrupted: () => boolean;

  get done(): boolean {
    return this.res !== undefined;
  }

  get result(): CommandResult | undefined {
    return this.res;
  }

  /** Virtual µs the command has run (until it ended, settling not included). */
  get elapsedUs(): number {
    return (this.endedAt ?? this.sim.now) - this.startUs;
  }

  /**
   * When something next happens for the command: the simulation's next event or the end of the
   * wait it is in; undefined when it has ended or could only wait forever. A live view advances
   * to it so idle time is skipped rather than watched.
   */
  nextWakeUs(): number | undefined {
    if (this.res || !this.step || this.step.done || this.stopped) return undefined;
    // Fixing the wait's end here is what advanceTo would do at this same instant: no time passes between.
    this.pending ??= pendingWait(this.sim, this.step.value);
    const own = this.pending.kind === 'sleep' ? this.pending.untilUs : this.pending.deadlineUs;
    const next = this.sim.peekNextTime();
    if (own === undefined) return next;
    return next === undefined ? own : Math.min(own, next);
  }

  /** Run until the command ends or virtual time reaches targetUs. True when it has ended. */
  advanceTo(targetUs: number): boolean {
    if (this.res) return true;
    if (this.gen && this.step) {
      while (!this.step.done) {
        if (!this.stopped) {
          this.pending ??= pendingWait(this.sim, this.step.value);
          const budget = MAX_EVENTS - (this.sim.executed - this.eventsAtStart);
          try {
            if (!advancePending(this.sim, this.pending, targetUs, Math.max(0, budget))) return false;
          } catch (e) {
            if (!(e instanceof WorkCapExceeded)) throw e;
            this.stopAtCap();
          }
          this.pending = undefined;
        }
        if (++this.steps > this.maxSteps && !this.stopped) this.stopAtCap();
        this.step = this.gen.next();
      }
      this.exit = this.step.value.status;
      this.exited = this.step.value.exited;
    }
    this.endedAt = this.sim.now;
    this.res = this.ending.ended(this, this.exit, this.stopped);
    return true;
  }

  private stopAtCap(): void {
    this.stopped = true;
    this.capped = true;
  }

  /** Ctrl-C now: what is due at this instant still happens, then the command unwinds (status 130). */
  interrupt(): CommandResult {
    if (!this.advanceTo(this.sim.now)) {
      this.stopped = true;
      this.advanceTo(this.sim.now);
    }
    return this.res!;
  }
}

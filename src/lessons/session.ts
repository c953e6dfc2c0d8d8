/**
 * A lesson played against a running lab (LabRuntime): what the player UI drives, and what the
 * tests drive headlessly. It runs commands and judges checks and predictions from the trace.
 */
import type { LabRuntime } from '@/engine';
import { engine } from '@/store/engine';
import type { CommandResult } from '@/engine';
import { evaluate } from './predicate';
import type { CheckStep, HostCommand, Lesson, PredictStep } from './types';

/** The lab size a lesson asks for (only what it names: the lab's defaults otherwise). */
export function labSize(l: Lesson): { servers?: number; clients?: number } {
  return {
    ...(l.servers !== undefined ? { servers: l.servers } : {}),
    ...(l.clients !== undefined ? { clients: l.clients } : {}),
  };
}

/** Long enough for a probe's curls to time out on their own (they carry -m). */
const COMMAND_MAX_US = 20_000_000;

export interface PredictOutcome {
  /** The choices whose predicate held after the engine ran the step's commands. */
  right: number[];
  /** Was the student's pick among them? */
  correct: boolean;
}

export class LessonSession {
  readonly rt: LabRuntime;

  constructor(
    readonly lesson: Lesson,
    seed = 1,
  ) {
    this.rt = engine().LabRuntime.create(lesson.lab, { seed, bare: lesson.bare, ...labSize(lesson) });
  }

  /** Type one command on a host (the student, or "do it for me"). */
  type(cmd: HostCommand): CommandResult {
    return this.rt.exec({ host: cmd.host, command: cmd.command, maxTimeUs: COMMAND_MAX_US });
  }

  private runAll(cmds: readonly HostCommand[]): { from: number; to: number } {
    const from = this.rt.trace.length;
    for (const c of cmds) this.type(c);
    return { from, to: this.rt.trace.length };
  }

  /** Run a setup step's commands for the student. */
  setup(cmds: readonly HostCommand[]): void {
    this.runAll(cmds);
  }

  /** The student picked `choice`; the engine runs the step, and its outcome says who was right. */
  predict(step: PredictStep, choice: number): PredictOutcome {
    const span = this.runAll(step.run);
    const w = { trace: this.rt.trace, ...span };
    const right = step.choices.flatMap((c, i) => (evaluate(c.when, w) ? [i] : []));
    return { right, correct: right.includes(choice) };
  }

  /** Run the check's probe, then evaluate its predicate over what the probe did. */
  check(step: CheckStep): boolean {
    // Without a probe the whole session so far is the history the predicate sees.
    const span = step.probe ? this.runAll(step.probe) : { from: 0, to: this.rt.trace.length };
    return evaluate(step.predicate, { trace: this.rt.trace, ...span });
  }
}

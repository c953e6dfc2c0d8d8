/**
 * A lesson played against a running lab (LabRuntime): what the player UI drives, and what the
 * tests drive headlessly. It runs commands and judges checks and predictions from the trace.
 */
import type { LabRuntime } from '@/engine';
import { engine } from '@/store/engine';
import type { CommandResult } from '@/engine';
import { evaluate } from './predicate';
import type { Window } from './predicate';
import type { CheckStep, HostCommand, Lesson, PredictStep, Side } from './types';

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

/** A compare-view lesson plays on both labs; any other on its own one. */
export const isCompare = (l: Lesson): boolean => l.view === 'compare';

type Spans = Partial<Record<Side, { from: number; to: number }>>;

export class LessonSession {
  readonly rt: LabRuntime;
  /** On the compare view, both labs (the NAT one is `rt`); else only the lesson's lab. */
  readonly sides: Partial<Record<Side, LabRuntime>>;

  constructor(
    readonly lesson: Lesson,
    seed = 1,
  ) {
    const make = (lab: Lesson['lab']) =>
      engine().LabRuntime.create(lab, { seed, bare: lesson.bare, ...labSize(lesson) });
    this.rt = make(lesson.lab);
    this.sides = isCompare(lesson) ? { nat: this.rt, dr: make('dr') } : {};
  }

  private on(lab: Side | undefined): LabRuntime {
    return (lab && this.sides[lab]) ?? this.rt;
  }

  /** Type one command on a host (the student, or "do it for me"); on the compare view, on its side. */
  type(cmd: HostCommand): CommandResult {
    return this.on(cmd.lab).exec({ host: cmd.host, command: cmd.command, maxTimeUs: COMMAND_MAX_US });
  }

  /** Run the commands; the window is the main side's span, with every side's span beside it. */
  private runAll(cmds: readonly HostCommand[], main?: Side): Window {
    const start = (rt: LabRuntime) => rt.trace.length;
    const froms = Object.entries(this.sides).map(([k, rt]) => [k, start(rt)] as const);
    const mainFrom = start(this.on(main));
    for (const c of cmds) this.type(c);
    const spans: Spans = Object.fromEntries(
      froms.map(([k, from]) => [k, { from, to: start(this.sides[k as Side]!) }]),
    );
    return this.window(main, mainFrom, spans);
  }

  private window(main: Side | undefined, from: number, spans: Spans): Window {
    const rt = this.on(main);
    const sides = Object.fromEntries(
      Object.entries(spans).map(([k, s]) => [k, { trace: this.sides[k as Side]!.trace, ...s }]),
    );
    return { trace: rt.trace, from, to: rt.trace.length, sides };
  }

  /** Run a setup step's commands for the student. */
  setup(cmds: readonly HostCommand[]): void {
    this.runAll(cmds);
  }

  /** The student picked `choice`; the engine runs the step, and its outcome says who was right. */
  predict(step: PredictStep, choice: number): PredictOutcome {
    const w = this.runAll(step.run);
    const right = step.choices.flatMap((c, i) => (evaluate(c.when, w) ? [i] : []));
    return { right, correct: right.includes(choice) };
  }

  /** Run the check's probe, then evaluate its predicate over what the probe did. */
  check(step: CheckStep): boolean {
    // Without a probe the whole session so far is the history the predicate sees.
    if (step.probe) return evaluate(step.predicate, this.runAll(step.probe, step.lab));
    const whole = Object.fromEntries(
      Object.entries(this.sides).map(([k, rt]) => [k, { from: 0, to: rt.trace.length }]),
    );
    return evaluate(step.predicate, this.window(step.lab, 0, whole));
  }
}

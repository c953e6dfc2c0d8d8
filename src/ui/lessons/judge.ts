/**
 * Judging a step against the running lab: the window a step's own commands made, and the
 * predicate results over it. Pure over what a lab ran (its trace and command results: a
 * LabRuntime or the session's published view), so the player and tests agree with
 * LessonSession on what "right" means.
 */
import type { CommandResult, TraceLog } from '@/engine';
import { evaluate } from '@/lessons';
import type { CheckStep, PredictStep, Window } from '@/lessons';

/** What a lab ran: the engine's runtime or the store's mirror of it. */
export interface LabRecord {
  readonly trace: TraceLog;
  readonly results: readonly CommandResult[];
}

export interface Span {
  from: number;
  to: number;
}

/** The trace span of the last `n` commands the lab ran. */
export function lastCommands(rt: LabRecord, n: number): Span {
  const first = rt.results[rt.results.length - n];
  return { from: first?.traceFrom ?? rt.trace.length, to: rt.trace.length };
}

/** The choices whose predicate held over what the step's `run` did. */
export function rightChoices(w: Window, step: PredictStep): number[] {
  return step.choices.flatMap((c, i) => (evaluate(c.when, w) ? [i] : []));
}

/**
 * A check: over its probe's span, or without a probe over the session up to the cursor (the
 * lab's state where the student is looking).
 */
export function checkHolds(w: Window, step: CheckStep): boolean {
  return evaluate(step.predicate, w);
}

/** Same command, whatever the spacing. */
export function sameCommand(a: string, b: string): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ');
  return norm(a) === norm(b);
}

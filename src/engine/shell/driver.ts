/**
 * Running a shell command's generator against virtual time. The driver knows nothing of the
 * simulation: `advance` is handed each Wait and must make that much virtual time pass
 * (the engine's Sim implements it with runUntil / runWhile).
 */
import type { Wait } from './types';

/** The work cap was hit: a command kept yielding without finishing. */
export class StepLimitExceeded extends Error {
  constructor(readonly steps: number) {
    super(`shell command stopped after ${steps} steps`);
  }
}

/** Resume `gen` until it returns, passing each Wait to `advance`. Throws StepLimitExceeded past `maxSteps`. */
export function runShellCommand<R>(
  gen: Generator<Wait, R, void>,
  advance: (w: Wait) => void,
  opts: { maxSteps: number },
): R {
  let steps = 0;
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) return r.value;
    if (++steps > opts.maxSteps) {
      gen.return(undefined as R);
      throw new StepLimitExceeded(steps);
    }
    advance(r.value);
  }
}

/** A Wait cut so that it ends no later than `deadlineUs`. */
export function clampWait(w: Wait, nowUs: number, deadlineUs: number): Wait {
  if (w.kind === 'sleep') return { kind: 'sleep', us: Math.max(0, Math.min(w.us, deadlineUs - nowUs)) };
  return { kind: 'until', done: w.done, deadlineUs: Math.min(w.deadlineUs ?? deadlineUs, deadlineUs) };
}

export interface DeadlineRun<R> {
  result: R;
  /** The deadline or the step cap interrupted the command, as Ctrl-C would. */
  interrupted: boolean;
  steps: number;
}

/** Steps a command may take to unwind after the interrupt before the driver gives up. */
const GRACE_STEPS = 1000;

/**
 * Run a command that honours an interrupt flag (`shell.run(src, io, interrupted)`), pressing
 * Ctrl-C when virtual time reaches `deadlineUs` or after `maxSteps` Waits. Waits are clamped
 * to the deadline, so `sleep 100` with a 60 s deadline advances exactly to it.
 */
export function runWithDeadline<R>(
  start: (interrupted: () => boolean) => Generator<Wait, R, void>,
  advance: (w: Wait) => void,
  opts: { now: () => number; deadlineUs: number; maxSteps: number },
): DeadlineRun<R> {
  let interrupted = false;
  const gen = start(() => interrupted);
  let steps = 0;
  for (let r = gen.next(); ; r = gen.next()) {
    if (r.done) return { result: r.value, interrupted, steps };
    steps++;
    if (interrupted) {
      if (steps > opts.maxSteps + GRACE_STEPS) {
        gen.return(undefined as R);
        throw new StepLimitExceeded(steps);
      }
      continue;
    }
    advance(clampWait(r.value, opts.now(), opts.deadlineUs));
    if (opts.now() >= opts.deadlineUs || steps >= opts.maxSteps) interrupted = true;
  }
}

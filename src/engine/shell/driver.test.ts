import { describe, expect, it } from 'vitest';
import { clampWait, runShellCommand, runWithDeadline, StepLimitExceeded } from './driver';
import type { Wait } from './types';

function* waits(list: Wait[]): Generator<Wait, string, void> {
  for (const w of list) yield w;
  return 'done';
}

describe('runShellCommand', () => {
  it('hands every Wait to advance and returns the result', () => {
    const seen: Wait[] = [];
    const r = runShellCommand(
      waits([
        { kind: 'sleep', us: 5 },
        { kind: 'sleep', us: 7 },
      ]),
      (w) => seen.push(w),
      { maxSteps: 10 },
    );
    expect(r).toBe('done');
    expect(seen).toEqual([
      { kind: 'sleep', us: 5 },
      { kind: 'sleep', us: 7 },
    ]);
  });

  it('stops a generator that never ends', () => {
    function* forever(): Generator<Wait, void, void> {
      for (;;) yield { kind: 'sleep', us: 0 };
    }
    expect(() => runShellCommand(forever(), () => undefined, { maxSteps: 100 })).toThrow(StepLimitExceeded);
  });
});

describe('clampWait', () => {
  it('cuts sleeps and until-waits at the deadline', () => {
    expect(clampWait({ kind: 'sleep', us: 100 }, 50, 120)).toEqual({ kind: 'sleep', us: 70 });
    expect(clampWait({ kind: 'sleep', us: 10 }, 50, 120)).toEqual({ kind: 'sleep', us: 10 });
    expect(clampWait({ kind: 'sleep', us: 10 }, 150, 120)).toEqual({ kind: 'sleep', us: 0 });
    const done = (): boolean => false;
    expect(clampWait({ kind: 'until', done }, 0, 99)).toEqual({ kind: 'until', done, deadlineUs: 99 });
    expect(clampWait({ kind: 'until', done, deadlineUs: 50 }, 0, 99)).toEqual({
      kind: 'until',
      done,
      deadlineUs: 50,
    });
  });
});

describe('runWithDeadline', () => {
  /** A command that sleeps 1 s at a time until interrupted, then reports how it ended. */
  function* sleeper(interrupted: () => boolean): Generator<Wait, string, void> {
    let n = 0;
    for (;;) {
      yield { kind: 'sleep', us: 1_000_000 };
      if (interrupted()) return `interrupted after ${n}`;
      n++;
    }
  }

  it('presses Ctrl-C when virtual time reaches the deadline', () => {
    let now = 0;
    const r = runWithDeadline(sleeper, (w) => (now += w.kind === 'sleep' ? w.us : 0), {
      now: () => now,
      deadlineUs: 2_500_000,
      maxSteps: 100,
    });
    expect(r).toEqual({ result: 'interrupted after 2', interrupted: true, steps: 3 });
    expect(now).toBe(2_500_000);
  });

  it('presses Ctrl-C after maxSteps when time stands still', () => {
    const r = runWithDeadline(sleeper, () => undefined, { now: () => 0, deadlineUs: 10, maxSteps: 4 });
    expect(r).toMatchObject({ interrupted: true, steps: 4 });
  });

  it('does not interrupt a command that finishes in time', () => {
    let now = 0;
    const r = runWithDeadline(
      () => waits([{ kind: 'sleep', us: 10 }]),
      (w) => (now += w.kind === 'sleep' ? w.us : 0),
      {
        now: () => now,
        deadlineUs: 100,
        maxSteps: 10,
      },
    );
    expect(r).toEqual({ result: 'done', interrupted: false, steps: 1 });
  });

  it('gives up on a command that ignores the interrupt', () => {
    function* stubborn(): Generator<Wait, void, void> {
      for (;;) yield { kind: 'sleep', us: 1 };
    }
    expect(() =>
      runWithDeadline(stubborn, () => undefined, { now: () => 0, deadlineUs: 5, maxSteps: 3 }),
    ).toThrow(StepLimitExceeded);
  });
});

/**
 * Lessons on the side-by-side view: `view: "compare"`, steps on a side (`lab`), and `more`
 * weighing NAT against DR — validated, then nat-bottleneck played on both labs headlessly.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from './predicate';
import { LessonSession } from './session';
import { checkOf, predictsOf, shipped } from './testLessons';
import { validateLesson } from './validate';
import type { Lesson } from './types';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const errors = (raw: unknown) => {
  const v = validateLesson(raw);
  return v.ok ? [] : v.errors;
};
const bottleneck = (): Lesson => shipped('nat-bottleneck');

describe('compare-view lessons: validation', () => {
  it('a compare lesson is on the NAT side; sides are named only on the compare view', () => {
    const onDr = { ...clone(bottleneck()), lab: 'dr' };
    expect(errors(onDr)).toContain(
      'lab: a lesson on the compare view has "lab": "nat" (its sides are NAT and DR)',
    );
    const { view: _view, ...single } = clone(bottleneck());
    const e = errors(single);
    expect(e).toContain('steps[2].lab: "lab" is only for lessons with "view": "compare"');
    expect(e.some((m) => /\.more: "more" is only for lessons with "view": "compare"/.test(m))).toBe(true);
  });

  it("a step's host is looked up in its own side's lab; an unknown side or measure is refused", () => {
    const l = clone(bottleneck()) as unknown as { steps: Record<string, unknown>[] };
    l.steps[3]!.host = 'rs9';
    expect(errors(l)).toContain('steps[3].host: "rs9" is not a host of the dr lab');
    const bad = clone(bottleneck()) as unknown as { steps: Record<string, unknown>[] };
    bad.steps[2]!.lab = 'tun';
    expect(errors(bad).some((m) => m.startsWith('steps[2].lab:'))).toBe(true);
  });

  it('`more` is false without both sides (a one-lab window has nothing to weigh)', () => {
    const s = new LessonSession({ ...clone(bottleneck()), view: 'lab' } as Lesson);
    const w = { trace: s.rt.trace, from: 0, to: s.rt.trace.length };
    expect(evaluate({ more: { measure: 'directorBytes', lab: 'nat', than: 'dr' } }, w)).toBe(false);
  });
});

/** Play up to the first predict step on both labs. */
function atPredict(lesson: Lesson) {
  const s = new LessonSession(lesson);
  for (const step of lesson.steps) {
    if (step.kind === 'predict') return { s, step };
    if (step.kind === 'setup') s.setup(step.commands);
    if (step.kind === 'command') s.type(step);
  }
  throw new Error('no predict step');
}

describe('nat-bottleneck on both sides', () => {
  it('runs on two labs: NAT commands on the NAT lab, DR commands on the DR lab', () => {
    const s = new LessonSession(bottleneck());
    expect(s.sides.nat?.def.id).toBe('nat');
    expect(s.sides.dr?.def.id).toBe('dr');
    const out = s.type({ lab: 'dr', host: 'director', command: 'ipvsadm -Ln' });
    expect(out.stdout).toContain('Route');
    expect(out.stdout).not.toContain('Masq');
  });

  it('"NAT finishes later" is right from the engine; "DR later" and "the same" are marked wrong', () => {
    const [step] = predictsOf(bottleneck());
    const a = atPredict(bottleneck());
    expect(a.s.predict(a.step, 0)).toEqual({ right: [0], correct: true });
    expect(step!.choices).toHaveLength(3);
    const b = atPredict(bottleneck());
    expect(b.s.predict(b.step, 2).correct).toBe(false);
  }, 60_000);

  it('the check fails with the NAT service emptied (no replies to carry), passes on the intact labs', () => {
    const lesson = bottleneck();
    const broken = atPredict(lesson).s;
    broken.type({ lab: 'nat', host: 'director', command: 'ipvsadm -C' });
    expect(broken.check(checkOf(lesson))).toBe(false);
    const intact = atPredict(lesson).s;
    expect(intact.check(checkOf(lesson))).toBe(true);
  }, 60_000);
});

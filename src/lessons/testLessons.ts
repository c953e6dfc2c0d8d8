/** Test helper: the shipped lessons, validated, by id. */
import { SHIPPED_LESSONS } from './shipped';
import { validateLesson } from './validate';
import type { CheckStep, Lesson, PredictStep } from './types';

export function shipped(id: string): Lesson {
  for (const raw of SHIPPED_LESSONS) {
    const v = validateLesson(raw);
    if (!v.ok) throw new Error(v.errors.join('\n'));
    if (v.lesson.id === id) return v.lesson;
  }
  throw new Error(`no shipped lesson '${id}'`);
}

export const checkOf = (l: Lesson): CheckStep => l.steps.find((s): s is CheckStep => s.kind === 'check')!;
export const predictsOf = (l: Lesson): PredictStep[] =>
  l.steps.filter((s): s is PredictStep => s.kind === 'predict');

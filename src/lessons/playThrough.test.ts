/** Every shipped lesson, played headlessly by typing its commands through LabRuntime. */
import { describe, expect, it } from 'vitest';
import { LessonSession, SHIPPED_LESSONS, validateLesson } from '.';
import type { Lesson } from '.';

function load(raw: unknown): Lesson {
  const v = validateLesson(raw);
  if (!v.ok) throw new Error(v.errors.join('\n'));
  return v.lesson;
}

const lessons = SHIPPED_LESSONS.map(load).filter((l) => l.kind === 'lesson');

describe('shipped lessons play through', () => {
  it.each(lessons.map((l) => [l.id, l] as const))(
    '%s: every check passes, every prediction has one right answer',
    (_id, lesson) => {
      const s = new LessonSession(lesson);
      let checks = 0;
      let predictions = 0;
      for (const [i, step] of lesson.steps.entries()) {
        if (step.kind === 'setup') s.setup(step.commands);
        if (step.kind === 'command') s.type(step);
        if (step.kind === 'predict') {
          const out = s.predict(step, 0);
          expect(out.right, `step ${i}`).toHaveLength(1);
          predictions++;
        }
        if (step.kind === 'check') {
          expect(s.check(step), `step ${i}`).toBe(true);
          checks++;
        }
      }
      expect(checks).toBeGreaterThan(0);
      expect(predictions).toBeGreaterThan(0);
    },
    // nat-bottleneck plays two labs with megabytes of downloads
    60_000,
  );
});

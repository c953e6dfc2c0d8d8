/** docs/lessons.md's complete example validates and plays: its check passes, rs1 is the right prediction. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LessonSession } from './session';
import { validateLesson } from './validate';

it('the documented example lesson is valid and plays through', () => {
  const md = readFileSync(join(__dirname, '../../docs/lessons.md'), 'utf8');
  const v = validateLesson(JSON.parse(/```json\n([\s\S]*?)```/.exec(md)![1]!));
  if (!v.ok) throw new Error(v.errors.join('\n'));
  const s = new LessonSession(v.lesson);
  for (const step of v.lesson.steps) {
    if (step.kind === 'setup') s.setup(step.commands);
    if (step.kind === 'command') s.type(step);
    if (step.kind === 'predict') expect(s.predict(step, 0)).toEqual({ right: [0], correct: true });
    if (step.kind === 'check') expect(s.check(step)).toBe(true);
  }
});

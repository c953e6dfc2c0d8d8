/** The ahead-of-time compiled schema check is the schema as it stands (regenerate when it fails). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { lessonCheckSource } from '../../scripts/gen-lesson-check.mjs';

describe('generated lesson schema check', () => {
  it('matches lesson.schema.json (run node scripts/gen-lesson-check.mjs if not)', () => {
    const schema = readFileSync(new URL('./lesson.schema.json', import.meta.url), 'utf8');
    const generated = readFileSync(new URL('./generated/lessonSchemaCheck.js', import.meta.url), 'utf8');
    expect(generated === (lessonCheckSource as (s: string) => string)(schema)).toBe(true);
  });

  it('has no CommonJS require and no run-time code generation', () => {
    const generated = readFileSync(new URL('./generated/lessonSchemaCheck.js', import.meta.url), 'utf8');
    expect(generated).not.toMatch(/\brequire\(|new Function|\beval\(/);
  });
});

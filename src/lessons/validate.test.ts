/** The validator: shipped lessons pass; broken and fuzzed files get plain errors, never a throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import zh from '@/i18n/locales/zh-CN.json';
import { SHIPPED_LESSONS } from './shipped';
import { parseLesson, validateLesson } from './validate';

const natSeed = SHIPPED_LESSONS[0] as Record<string, unknown>;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('validateLesson', () => {
  it('accepts every shipped lesson, each with both languages', () => {
    for (const raw of SHIPPED_LESSONS) {
      const v = validateLesson(raw);
      expect(v.ok ? [] : v.errors).toEqual([]);
    }
  });

  it('says what is wrong and where, in plain words', () => {
    const bad = clone(natSeed) as { steps: Record<string, unknown>[]; lab: string };
    delete (bad.steps[0]!.text as Record<string, string>)['zh-CN'];
    bad.steps[2]!.host = 'rs9';
    bad.steps[3]!.extra = 1;
    let v = validateLesson(bad);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.errors).toContain('steps[0].text: missing "zh-CN"');
      expect(v.errors).toContain('steps[3]: unknown field "extra"');
    }
    delete bad.steps[3]!.extra;
    (bad.steps[0]!.text as Record<string, string>)['zh-CN'] = '说明';
    v = validateLesson(bad);
    expect(v.ok ? [] : v.errors).toEqual(['steps[2].host: "rs9" is not a host of the nat lab']);
    expect(parseLesson('{"id": ').ok).toBe(false);
    const lab = validateLesson({ ...clone(natSeed), lab: 'fullnat' });
    expect(!lab.ok && lab.errors).toEqual(['lab: should be one of "nat", "dr", "tun", "ha"']);
  });

  it('a predicate with two tests is refused', () => {
    const bad = clone(natSeed) as { steps: Record<string, unknown>[] };
    const i = bad.steps.findIndex((s) => s.kind === 'check');
    bad.steps[i]!.predicate = { sysctl: { host: 'director', key: 'k', equals: '1' }, atLeast: 2 };
    const v = validateLesson(bad);
    expect(v.ok ? [] : v.errors).toEqual([`steps[${i}].predicate: "atLeast" goes only with "event"`]);
  });

  it('≥ 1,000 fuzzed lesson files: a clear answer, never a throw', () => {
    const seed = fuzzSeed();
    const mutate = fc.tuple(fc.jsonValue(), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.boolean());
    try {
      fc.assert(
        fc.property(mutate, ([value, path, drop]) => {
          // Replace or delete a value somewhere inside a real lesson, or validate raw JSON.
          const doc = clone(natSeed) as unknown;
          let node = doc as Record<string, unknown>;
          for (const [d, n] of path.entries()) {
            if (!node || typeof node !== 'object') break;
            const keys = Object.keys(node);
            if (keys.length === 0) break;
            const k = keys[n % keys.length]!;
            if (d === path.length - 1 || typeof node[k] !== 'object' || node[k] === null) {
              if (drop) delete node[k];
              else node[k] = value;
              break;
            }
            node = node[k] as Record<string, unknown>;
          }
          for (const input of [doc, value]) {
            const v = validateLesson(input);
            if (!v.ok) for (const e of v.errors) expect(e).toMatch(/^(lesson|[a-zA-Z$]|steps)\S*: \S/);
            // …and each has words in 简体中文 too (not the English fallback).
            if (!v.ok)
              for (const i of v.issues) expect(Object.hasOwn(zh.lessonErrors, i.code), i.code).toBe(true);
          }
          const text = parseLesson(JSON.stringify(value).slice(0, path[0]! % 40));
          expect(typeof text.ok).toBe('boolean');
        }),
        { numRuns: 1200, seed },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
  });
});

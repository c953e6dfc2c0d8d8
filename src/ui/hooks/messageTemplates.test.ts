import fc from 'fast-check';
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureLanguage, initI18n } from '@/i18n/i18n';
import en from '@/i18n/locales/en.json';
import zh from '@/i18n/locales/zh-CN.json';
import { withSeed } from '../model/fuzzSeed';
import { templateRenderer } from './messageTemplates';

type Tree = { [k: string]: string | Tree };

/** Every key of a catalog (a plural's forms as its one key) with its placeholders' names. */
function keysOf(t: Tree, prefix = '', out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v !== 'string') keysOf(v, key, out);
    else {
      const base = key.replace(/_(zero|one|two|few|many|other)$/, '');
      const names = out.get(base) ?? new Set<string>();
      for (const m of v.matchAll(/\{\{(.+?)\}\}/g)) names.add(m[1]!.trim());
      out.set(base, names);
    }
  }
  return out;
}

const KEYS = keysOf(en as Tree);
for (const [k, names] of keysOf(zh as Tree)) KEYS.set(k, new Set([...(KEYS.get(k) ?? []), ...names]));

/** Values a sentence is filled with: `$&` and `{{x}}` are words here, not patterns. */
const value = fc.oneof(
  fc.string(),
  fc.constantFrom('$&', '$1', "$'", '{{name}}', '', '中文', 'a\nb'),
  fc.integer(),
  fc.double({ noNaN: true }),
);

/** t() that counts its calls: the fast path must not need it for a plain sentence. */
function counted(t: TFunction): { t: TFunction; calls: () => number } {
  let n = 0;
  const wrapped = ((...args: Parameters<TFunction>) => {
    n++;
    return (t as unknown as (...a: unknown[]) => string)(...args);
  }) as unknown as TFunction;
  return { t: wrapped, calls: () => n };
}

beforeAll(async () => {
  if (!i18next.isInitialized) await initI18n('en');
  await ensureLanguage('zh-CN');
});

describe.each(['en', 'zh-CN'])('templateRenderer in %s', (lng) => {
  beforeAll(async () => {
    await i18next.changeLanguage(lng);
  });

  test('every key of both catalogs reads as t() reads it, for any values', () => {
    const t = i18next.getFixedT(lng);
    withSeed((seed) =>
      fc.assert(
        fc.property(fc.array(value, { minLength: 8, maxLength: 8 }), (vals) => {
          const fast = templateRenderer(i18next, t);
          for (const [key, names] of KEYS) {
            const params: Record<string, string | number> = {};
            [...names].forEach((n, i) => (params[n] = vals[i % vals.length]!));
            // count (a plural) and a value the sentence does not name are options t() reads too.
            expect(fast(key, params)).toBe(t(key, params));
            expect(fast(key, { ...params, extra: 'x' })).toBe(t(key, { ...params, extra: 'x' }));
          }
        }),
        { seed, numRuns: 20 },
      ),
    );
  });

  test('a plain sentence does not call t(); a plural, a missing value or key does, with its answer', () => {
    const base = i18next.getFixedT(lng);
    const { t, calls } = counted(base);
    const fast = templateRenderer(i18next, t);
    expect(fast('events.title', {})).toBe(base('events.title'));
    expect(fast('events.count', { shown: 3, total: 7 })).toBe(base('events.count', { shown: 3, total: 7 }));
    expect(calls()).toBe(0);
    const plural = [...KEYS.keys()].find((k) => KEYS.get(k)!.has('count'))!;
    expect(fast(plural, { count: 1 })).toBe(base(plural, { count: 1 }));
    expect(fast(plural, { count: 5 })).toBe(base(plural, { count: 5 }));
    expect(fast('events.count', { shown: 3 })).toBe(base('events.count', { shown: 3 }));
    expect(fast('drop.reason.not_in_catalog', {})).toBe(base('drop.reason.not_in_catalog', {}));
    expect(calls()).toBe(4);
  });
});

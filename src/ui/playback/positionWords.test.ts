import fc from 'fast-check';
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureLanguage, initI18n } from '@/i18n/i18n';
import { withSeed } from '../model/fuzzSeed';
import { positionWords, widthOf } from './positionWords';

describe('positionWords: the scrubber sentence translated once', () => {
  beforeAll(async () => {
    if (!i18next.isInitialized) await initI18n('en');
    await ensureLanguage('zh-CN');
  });

  test('gives what i18next gives for any cursor, total and time, in both languages', () => {
    for (const lng of ['en', 'zh-CN']) {
      const t = i18next.getFixedT(lng) as TFunction;
      withSeed((seed) =>
        fc.assert(
          fc.property(
            fc.nat(1_000_000),
            fc.nat(1_000_000),
            fc.string({ maxLength: 12 }).filter((s) => !/[\ue000\ue001]/u.test(s)),
            (cursor, total, time) => {
              const words = positionWords(t, total);
              expect(words(cursor, time)).toBe(t('playback.position', { cursor, total, time }));
            },
          ),
          { seed, numRuns: 1000 },
        ),
      );
    }
    expect(positionWords(i18next.getFixedT('en') as TFunction, 9)(3, '1.000 s')).toBe(
      'Event 3 of 9 · 1.000 s',
    );
  });
});

describe('widthOf: the width of the box the scrubber writes its words in', () => {
  test('is one ch a character and two a wide one, and one to spare', () => {
    expect(widthOf('Event 12 of 34 · 5 ms')).toBe(22);
    expect(widthOf('第 12 个事件')).toBe(1 + 2 + 1 + 2 + 1 + 2 + 2 + 2);
    expect(widthOf('')).toBe(1);
  });
});

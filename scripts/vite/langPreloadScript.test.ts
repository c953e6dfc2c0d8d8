import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { initialLanguage } from '@/i18n/i18n';
import { parseUrlParams } from '@/embed/urlParams';
import { LANGUAGE_KEY, langPreloadScript } from './langPreloadScript';

const HREF = './assets/zh-CN-abc.js';

interface Page {
  search: string;
  saved: string | null | 'throws';
  language: string | undefined;
}

function storage(saved: Page['saved']): Storage {
  return {
    getItem: (k: string) => {
      if (saved === 'throws') throw new Error('SecurityError');
      return k === LANGUAGE_KEY ? saved : null;
    },
  } as Storage;
}

/** What the script adds to the page's head when run there. */
function runScript(p: Page): { rel: string; href: string; crossOrigin: string | null }[] {
  const added: { rel: string; href: string; crossOrigin: string | null }[] = [];
  runInNewContext(langPreloadScript(HREF), {
    URLSearchParams,
    location: { search: p.search },
    localStorage: storage(p.saved),
    navigator: { language: p.language },
    document: {
      createElement: () => ({ rel: '', href: '', crossOrigin: null }),
      head: { appendChild: (k: (typeof added)[number]) => added.push(k) },
    },
  });
  return added;
}

/** The language the app's first screen shows for the same page. */
function appLanguage(p: Page): string {
  vi.stubGlobal('localStorage', storage(p.saved));
  vi.stubGlobal('navigator', { language: p.language });
  return parseUrlParams(p.search).lang ?? initialLanguage();
}

afterEach(() => vi.unstubAllGlobals());

describe('the Chinese catalog preload script', () => {
  it('preloads the catalog exactly when the app will show Chinese', () => {
    const lang = fc.constantFrom('en', 'EN', 'zh-CN', 'zh-cn', 'ZH-cn', 'zh', 'zh-TW', 'fr', '', 'zh%2DCN');
    const search = fc
      .array(
        fc.oneof(
          lang.map((l) => `lang=${l}`),
          fc.constantFrom('lab=nat', 'paused=1', 'lang', 'x=zh-CN', 'seed=7'),
        ),
        { maxLength: 4 },
      )
      .map((parts) => (parts.length ? `?${parts.join('&')}` : ''));
    const page = fc.record({
      search,
      saved: fc.constantFrom(null, 'en', 'zh-CN', 'zh', 'zh-cn', '', 'throws'),
      language: fc.constantFrom(undefined, '', 'zh-CN', 'zh-TW', 'zh', 'ZH-hk', 'en-US', 'fr-FR'),
    });
    fc.assert(
      fc.property(page, (p) => {
        const links = runScript(p);
        if (appLanguage(p) === 'zh-CN') {
          expect(links).toEqual([{ rel: 'modulepreload', href: HREF, crossOrigin: '' }]);
        } else {
          expect(links).toEqual([]);
        }
      }),
      { seed: fuzzSeed(), numRuns: 2000 },
    );
  });

  it('cases by name: the link wins, then the saved choice, then the browser', () => {
    expect(runScript({ search: '?lang=zh-CN', saved: 'en', language: 'en-US' })).toHaveLength(1);
    expect(runScript({ search: '?lang=en', saved: 'zh-CN', language: 'zh-CN' })).toHaveLength(0);
    expect(runScript({ search: '?lang=fr', saved: 'zh-CN', language: 'en-US' })).toHaveLength(1);
    expect(runScript({ search: '', saved: 'en', language: 'zh-CN' })).toHaveLength(0);
    expect(runScript({ search: '', saved: 'throws', language: 'zh-TW' })).toHaveLength(1);
    expect(runScript({ search: '', saved: null, language: 'en-GB' })).toHaveLength(0);
  });

  it('never throws, even where the page has no storage or URLSearchParams', () => {
    expect(() => runInNewContext(langPreloadScript(HREF), {})).not.toThrow();
  });
});

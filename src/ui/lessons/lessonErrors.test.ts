/** A bad lesson file's problems read in the reader's language: Chinese under zh-CN, English under en. */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureLanguage, initI18n } from '@/i18n/i18n';
import en from '@/i18n/locales/en.json';
import { LESSON_ERRORS_EN } from '@/lessons/issueWords';
import { englishText, issueText, SHIPPED_LESSONS } from '@/lessons';
import type { LessonIssue } from '@/lessons';
import { openShipped, openText, sameOriginUrl } from './lessonSource';

const HAN = /[\u4e00-\u9fff]/;

function badFile(): string {
  const bad = JSON.parse(JSON.stringify(SHIPPED_LESSONS[0])) as {
    steps: Record<string, unknown>[];
  };
  delete (bad.steps[0]!.text as Record<string, string>)['zh-CN'];
  bad.steps[3]!.extra = 1;
  bad.steps[1]!.kind = 'dance';
  return JSON.stringify(bad);
}

function issuesOf(o: ReturnType<typeof openText>): LessonIssue[] {
  if (o.ok) throw new Error('expected the file to be refused');
  return o.issues;
}

const say = (lng: string) => (i: LessonIssue) => issueText(i, (k, v) => i18next.t(k, { ...v, lng }));

describe('lesson file errors in both languages', () => {
  beforeAll(async () => {
    if (!i18next.isInitialized) await initI18n('en');
    await ensureLanguage('zh-CN');
  });

  it('the validator’s English words are the en catalog’s', () => {
    expect(LESSON_ERRORS_EN).toEqual(en.lessonErrors);
  });

  it('a bad file: English under en (as the pure validator says it), Chinese under zh-CN', () => {
    const o = openText(badFile());
    const issues = issuesOf(o);
    expect(issues.length).toBeGreaterThan(1);
    const en = issues.map(say('en'));
    expect(en).toEqual(!o.ok && o.errors);
    expect(en).toContain('steps[0].text: missing "zh-CN"');
    const zh = issues.map(say('zh-CN'));
    expect(zh).toContain('steps[0].text：缺少 "zh-CN"');
    expect(zh).toContain('steps[3]：未知字段 "extra"');
    for (const m of zh) {
      expect(m).toMatch(HAN);
      expect(m).not.toMatch(/\b(missing|should|unknown|must|needs)\b/);
    }
  });

  it('every other way a lesson fails to open is translated too', () => {
    const two = JSON.parse(JSON.stringify(SHIPPED_LESSONS[0])) as { steps: Record<string, unknown>[] };
    const i = two.steps.findIndex((s) => s.kind === 'check');
    two.steps[i]!.predicate = { service: {}, addr: { host: 'director', addr: '1.2.3.4' } };
    two.steps[2]!.host = 'rs9';
    const notUrl = sameOriginUrl('a.json', 'file:///x/lvs-lab.html');
    const all = [
      ...issuesOf(openText(JSON.stringify(two))),
      ...issuesOf(openText('{"id":')),
      ...issuesOf(openText('x'.repeat(300_000))),
      ...issuesOf(openShipped('nope')),
      ...(notUrl instanceof URL ? [] : [notUrl]),
    ];
    expect(all.map((x) => x.code)).toEqual(
      expect.arrayContaining(['notJson', 'tooLarge', 'noShipped', 'needsHttp']),
    );
    const zh = all.map(say('zh-CN'));
    for (const m of zh) expect(m).toMatch(HAN);
    expect(zh).toContain('lesson：没有名为 "nope" 的内置课程');
    expect(all.map(say('en'))).toEqual(all.map(englishText));
  });
});

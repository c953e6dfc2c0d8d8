/** Where lessons come from: shipped ids, files, links' `ls` field, and only same-origin URLs. */
import { describe, expect, it } from 'vitest';
import { postLessonMessage } from '@/embed/lessonPost';
import type { LessonMessage } from '@/embed/messages';
import { englishText } from '@/lessons';
import { openShared, openShipped, openText, sameOriginUrl as sameOriginUrlOf } from './lessonSource';

describe('lesson sources', () => {
  it('opens a shipped lesson by id, and says so plainly when there is none', () => {
    const o = openShipped('nat-seed');
    expect(o.ok && o.active.lesson.lab).toBe('nat');
    const none = openShipped('nope');
    expect(!none.ok && none.errors).toEqual(['lesson: there is no shipped lesson "nope"']);
  });

  it('a file with schema errors gets them in plain words; text that is not JSON too', () => {
    const o = openText(JSON.stringify({ id: 'x', lab: 'fullnat', bare: true, kind: 'lesson' }));
    expect(o.ok).toBe(false);
    if (!o.ok) expect(o.errors).toContain('lab: should be one of "nat", "dr", "tun", "ha"');
    const t = openText('{"id":');
    expect(!t.ok && t.errors[0]).toMatch(/^lesson: not JSON/);
    const big = openText('x'.repeat(300_000));
    expect(!big.ok && big.errors).toEqual(['lesson: the file is larger than 256 KB']);
  });

  it('a link’s ls field brings the lesson and its progress, bounded by the lesson', () => {
    const o = openShared({ i: 'nat-seed', s: 99, p: [0, 1, 500, -1, 'x'], a: { 16: 0 }, t: {}, d: [] });
    expect(o?.ok).toBe(true);
    if (o?.ok)
      expect(o.active.progress).toEqual({
        step: 17,
        passed: [0, 1],
        answers: { 16: 0 },
        tries: {},
        done: [],
      });
    const file = openShared({ f: JSON.stringify({ id: 'x' }), s: 0 });
    expect(file?.ok).toBe(false);
    expect(openShared('nat-seed')).toBeUndefined();
    expect(openShared({ __proto__: { i: 'nat-seed' } })).toBeUndefined();
  });

  it('lesson-url: only the page’s own http(s) origin', () => {
    const sameOriginUrl = (raw: string, page: string) => {
      const u = sameOriginUrlOf(raw, page);
      return u instanceof URL ? u : englishText(u);
    };
    const page = 'https://course.example/lvs/index.html?lesson-url=x';
    expect(String(sameOriginUrl('lessons/a.json', page))).toBe('https://course.example/lvs/lessons/a.json');
    expect(sameOriginUrl('https://evil.example/a.json', page)).toMatch(
      /^lesson-url: must be on the same site/,
    );
    expect(sameOriginUrl('//evil.example/a.json', page)).toMatch(/same site/);
    expect(sameOriginUrl('javascript:alert(1)', page)).toMatch(/same site/);
    expect(sameOriginUrl('a.json', 'file:///media/usb/lvs-lab.html')).toMatch(/Open a lesson file/);
  });
});

describe('lvs-lab:lesson messages', () => {
  const m: LessonMessage = {
    type: 'lvs-lab:lesson',
    event: 'passed',
    lesson: 'nat-seed',
    step: 8,
    steps: 18,
    kind: 'check',
  };

  it('go to the embedding page’s origin only, never "*", and not outside a frame', () => {
    const sent: [unknown, string][] = [];
    const parent = { postMessage: (d: unknown, o: string) => void sent.push([d, o]) };
    expect(postLessonMessage({ parent }, 'https://lms.example', '', m)).toBe(true);
    expect(postLessonMessage({ parent }, undefined, 'https://other.example/page', m)).toBe(true);
    expect(postLessonMessage({ parent }, undefined, '', m)).toBe(false);
    const top = { parent: null };
    expect(postLessonMessage(top, 'https://lms.example', '', m)).toBe(false);
    expect(sent).toEqual([
      [m, 'https://lms.example'],
      [m, 'https://other.example'],
    ]);
  });
});

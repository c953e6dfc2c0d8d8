// @vitest-environment jsdom
/**
 * ≥ 1,000 generated lesson files through the pure schema and the Markdown sanitiser: the
 * validator answers in plain words and never throws, and no rendered text carries anything that
 * could run (script, event handler, foreign URL scheme, frame, style, form, image).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { HOSTILE_MARKDOWN } from './hostileMarkdown';
import { renderMarkdown } from './markdown';
import { SHIPPED_LESSONS } from './shipped';
import type { Lesson, Text } from './types';
import { parseLesson, validateLesson } from './validate';

const ALLOWED = new Set(
  'p br strong em b i code pre kbd ul ol li blockquote h3 h4 h5 h6 a table thead tbody tr th td hr del sup sub'.split(
    ' ',
  ),
);

/** Everything wrong with sanitised HTML, as parsed by the page's own parser. */
function unsafe(html: string): string[] {
  const tpl = document.createElement('template');
  tpl.innerHTML = html;
  const out: string[] = [];
  for (const el of tpl.content.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (!ALLOWED.has(tag)) out.push(`<${tag}>`);
    for (const a of el.attributes) {
      if (/^on/i.test(a.name) || !['href', 'title', 'align', 'target', 'rel'].includes(a.name))
        out.push(`${tag}[${a.name}]`);
      if (a.name === 'href' && !/^(https?:|mailto:|#|\?)/i.test(a.value.trim())) out.push(`href=${a.value}`);
    }
  }
  return out;
}

const texts = (l: Lesson): Text[] =>
  l.steps.flatMap((s) => [
    ...('text' in s && s.text ? [s.text] : []),
    ...(s.kind === 'predict' ? [s.question, ...s.choices.map((c) => c.text)] : []),
    ...('hints' in s && s.hints ? s.hints : []),
  ]);

const markdownish = fc.oneof(
  fc.constantFrom(...HOSTILE_MARKDOWN),
  fc.string({ maxLength: 60 }),
  fc
    .array(
      fc.constantFrom(
        '<',
        '>',
        '"',
        "'",
        '`',
        '[',
        ']',
        '(',
        ')',
        '!',
        '*',
        'javascript:',
        'on',
        '=',
        'script',
        'img',
        ' ',
        '\n',
        '&#',
      ),
      { maxLength: 30 },
    )
    .map((a) => a.join('')),
  fc
    .tuple(fc.constantFrom(...HOSTILE_MARKDOWN), fc.string({ maxLength: 10 }))
    .map(([h, s]) => `${s}${h}${s}`),
);

const base = SHIPPED_LESSONS[0] as Lesson;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** A lesson with hostile text in its title and in every text of a few of its steps. */
const lessonFile = fc
  .tuple(fc.array(markdownish, { minLength: 1, maxLength: 6 }), fc.nat(), fc.boolean())
  .map(([strings, at, asText]) => {
    const l = clone(base);
    let k = 0;
    const next = () => strings[k++ % strings.length]!;
    l.title = { en: next() || 'x', 'zh-CN': next() || 'x' };
    const steps = l.steps.slice(at % l.steps.length, (at % l.steps.length) + 3);
    for (const t of texts({ ...l, steps })) {
      t.en = next() || 'x';
      t['zh-CN'] = next() || 'x';
    }
    return { file: asText ? JSON.stringify(l) : l, changed: strings };
  });

describe('lesson files through schema and sanitiser (fuzz)', () => {
  it('the hostile corpus and every shipped lesson text render to nothing that can run', () => {
    for (const raw of SHIPPED_LESSONS) {
      const v = validateLesson(raw);
      if (v.ok)
        for (const t of [v.lesson.title, ...texts(v.lesson)])
          expect(unsafe(renderMarkdown(t.en))).toEqual([]);
    }
    for (const md of HOSTILE_MARKDOWN) {
      expect(unsafe(renderMarkdown(md)), md).toEqual([]);
      expect(unsafe(renderMarkdown(md, { inline: true })), md).toEqual([]);
    }
  });

  it('keeps the Markdown a lesson means', () => {
    const html = renderMarkdown('The **VIP** and `ipvsadm -Ln`, see [the docs](https://example.org).');
    expect(html).toContain('<strong>VIP</strong>');
    expect(html).toContain('<code>ipvsadm -Ln</code>');
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('rel="noopener noreferrer"');
    // A link to nowhere keeps its words and loses the link (it would open the lesson page again).
    for (const md of ['[the words]()', '[the words]( )', '[]()']) {
      const a = document.createElement('div');
      a.innerHTML = renderMarkdown(md, { inline: true });
      expect(a.querySelector('[href]'), md).toBeNull();
      expect(a.textContent, md).toBe(md.startsWith('[the') ? 'the words' : '');
    }
    // Raw HTML is the author's text, not markup.
    const span = document.createElement('span');
    span.innerHTML = renderMarkdown('a <b onclick="x()">b</b>', { inline: true });
    expect(span.children).toHaveLength(0);
    expect(span.textContent).toBe('a <b onclick="x()">b</b>');
  });

  it('≥ 1,000 generated lesson files: plain errors or a lesson whose every text renders safely', () => {
    const seed = fuzzSeed();
    let valid = 0;
    try {
      fc.assert(
        fc.property(lessonFile, ({ file, changed }) => {
          const v = typeof file === 'string' ? parseLesson(file) : validateLesson(file);
          if (!v.ok) {
            expect(v.errors.length).toBeGreaterThan(0);
            for (const e of v.errors) expect(e).toMatch(/^(lesson|[a-zA-Z$]|steps)\S*: \S/);
            return;
          }
          valid++;
          // Every text the generator put in (the rest is the shipped lesson, checked above), as one
          // document: jsdom sanitises slowly, and one render per file keeps the run in seconds.
          const all = [v.lesson.title, ...texts(v.lesson)].flatMap((t) => [t.en, t['zh-CN']]);
          const doc = [...new Set(all.filter((x) => changed.includes(x)))].join('\n\n');
          expect(unsafe(renderMarkdown(doc))).toEqual([]);
        }),
        { numRuns: 1000, seed },
      );
    } catch (e) {
      throw new Error(`FUZZ_SEED=${seed}: ${(e as Error).message}`, { cause: e });
    }
    // The generator must mostly produce lessons the schema accepts, or the sanitiser goes untested.
    expect(valid).toBeGreaterThan(600);
  }, 120_000);

  it('without a DOM to sanitise in, text is escaped whole, never passed through', () => {
    const html = renderMarkdown('<script>x</script>', { win: {} as never });
    expect(html).toBe('&#60;script&#62;x&#60;/script&#62;');
  });
});

import type { Page } from '@playwright/test';
import { HOSTILE_MARKDOWN } from '../src/lessons/hostileMarkdown';
import { expect, test } from './fixtures';

/**
 * Representative hostile lesson files opened with the file picker: whatever their texts hold,
 * nothing runs (`window.__pwned` stays unset, the CSP fixture sees no blocked script) and the
 * player's DOM has no script, handler or foreign link. 24 files: the corpus, one per file.
 */
function lessonWith(md: string, n = 0): string {
  const text = { en: md, 'zh-CN': md };
  return JSON.stringify({
    id: `hostile-${n}`,
    lab: 'nat',
    bare: false,
    kind: 'lesson',
    title: text,
    steps: [
      { kind: 'explain', text },
      {
        kind: 'predict',
        question: text,
        run: [{ host: 'client', command: 'curl -s -m 2 172.16.132.18' }],
        choices: [
          { text, when: { clientGot: { host: 'client', from: ['rs1'] } } },
          {
            text: { en: 'other', 'zh-CN': '其他' },
            when: { not: { clientGot: { host: 'client', from: ['rs1'] } } },
          },
        ],
        hints: [text],
      },
    ],
  });
}

async function openFile(page: Page, json: string): Promise<void> {
  await page.getByRole('button', { name: 'Lessons' }).click();
  await page.getByLabel('Open a lesson file').setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(json),
  });
}

async function assertInert(page: Page): Promise<void> {
  const found = await page.evaluate(() => {
    const root = document.querySelector('.lesson-layout > aside');
    const bad: string[] = [];
    // The lesson's own texts (the player's form and controls are the app's).
    for (const el of root?.querySelectorAll('.lesson-md *, h2 *') ?? []) {
      if (
        /^(script|iframe|object|embed|img|svg|style|form|input|meta|base|video|math|template)$/i.test(
          el.tagName,
        )
      )
        bad.push(el.tagName);
      for (const a of el.attributes) if (/^on/i.test(a.name)) bad.push(`${el.tagName}[${a.name}]`);
      const href = el.getAttribute('href');
      if (href && !/^(https?:|mailto:|#|\?)/i.test(href)) bad.push(`href=${href}`);
    }
    return { bad, pwned: (window as unknown as { __pwned?: unknown }).__pwned };
  });
  expect(found).toEqual({ bad: [], pwned: undefined });
}

test.describe('hostile lesson files', () => {
  test.describe.configure({ timeout: 120_000 });

  test('a corpus of 24 script-carrying lessons renders inert, step by step', async ({ page, api }) => {
    expect(HOSTILE_MARKDOWN.length).toBeLessThanOrEqual(24);
    await page.goto('?lab=nat&paused=1');
    await api.ready();
    for (const md of HOSTILE_MARKDOWN) {
      await openFile(page, lessonWith(md, HOSTILE_MARKDOWN.indexOf(md)));
      const player = page.locator('.lesson-player');
      await expect(player.locator('.lesson-step')).toHaveAttribute('data-kind', 'explain');
      await assertInert(page);
      await player.getByRole('button', { name: 'Next' }).click();
      await player.locator('input[type=radio]').nth(1).check();
      await player.getByRole('button', { name: 'Check my prediction' }).click();
      await expect(player.locator('.lesson-live[role="status"]')).toHaveText(/^(Right|Not quite)/, {
        timeout: 15_000,
      });
      await assertInert(page);
      await player.getByRole('button', { name: 'Close the lesson' }).click();
    }
  });

  test('a broken file gets plain-word errors, shown as text', async ({ page, api }) => {
    await page.goto('?lab=nat&paused=1');
    await api.ready();
    const bad = JSON.parse(lessonWith('<img src=x onerror="window.__pwned=1">')) as Record<string, unknown>;
    bad.lab = 'fullnat';
    await openFile(page, JSON.stringify(bad));
    const errors = page.getByRole('alert');
    await expect(errors).toContainText('lab: should be one of "nat", "dr", "tun"');
    await page.getByRole('alert').getByRole('button', { name: 'Close the lesson' }).click();
    await openFile(page, '{"id": "x", <script>window.__pwned=1</script>');
    await expect(page.getByRole('alert')).toContainText('lesson: not JSON');
    await assertInert(page);
  });
});

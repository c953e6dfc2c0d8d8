import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Press Tab until the focused control is named `name` (keyboard only: no clicks). */
async function tabTo(page: Page, name: string | RegExp, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const input = el as HTMLInputElement;
      return (el.getAttribute('aria-label') ?? input.labels?.[0]?.textContent ?? el.textContent ?? '').trim();
    });
    if (typeof name === 'string' ? label === name : name.test(label)) return;
  }
  throw new Error(`no control named ${String(name)} within ${max} tabs`);
}

/** Press Tab until the focused element matches `selector`. */
async function tabToSelector(page: Page, selector: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`nothing matching ${selector} within ${max} tabs`);
}

const player = (page: Page) => page.locator('.lesson-player');
const stepKind = (page: Page) => player(page).locator('.lesson-step').getAttribute('data-kind');
const stepIndex = async (page: Page) =>
  Number(await player(page).locator('.lesson-step').getAttribute('data-step'));

/** zh-CN names of the player's controls. */
const ZH = {
  next: '下一步',
  finish: '完成',
  doIt: '帮我执行',
  check: '检查',
  predict: '检查我的预测',
  done: '已完成。',
  passed: '检查通过。',
  right: /^答对了/,
};

async function playStep(page: Page): Promise<void> {
  const kind = await stepKind(page);
  const live = player(page).locator('.lesson-live[role="status"]');
  if (kind === 'command') {
    await tabTo(page, ZH.doIt);
    await page.keyboard.press('Enter');
    await expect(player(page).locator('.lesson-actions .lesson-ok')).toHaveText(ZH.done);
  } else if (kind === 'check') {
    await tabTo(page, ZH.check);
    await page.keyboard.press('Enter');
    await expect(live).toHaveText(ZH.passed);
  } else if (kind === 'predict') {
    // The first choice is the one the NAT lesson's engine outcome makes right.
    await tabToSelector(page, '.lesson-player input[type=radio]');
    await page.keyboard.press('Space');
    await tabTo(page, ZH.predict);
    await page.keyboard.press('Enter');
    await expect(live).toHaveText(ZH.right, { timeout: 15_000 });
  }
}

test('the NAT lesson in zh-CN, from its link to the end, keyboard only', async ({ page, api }) => {
  test.setTimeout(120_000);
  await page.goto('?lesson=nat-seed&lang=zh-CN&paused=1');
  await api.ready();
  await expect(player(page).getByRole('heading', { level: 2 })).toBeVisible();
  expect((await api.state()).labId).toBe('nat');
  const steps = 18;
  await expect(player(page).getByText(`第 1 步,共 ${steps} 步`)).toBeVisible();
  for (let i = 0; i < steps; i++) {
    expect(await stepIndex(page)).toBe(i);
    await playStep(page);
    await tabTo(page, i === steps - 1 ? ZH.finish : ZH.next);
    await page.keyboard.press('Enter');
    if (i < steps - 1) await expect(player(page).locator('#lesson-step-heading')).toBeFocused();
  }
  await expect(player(page).getByText('所有步骤都已完成,做得好!')).toBeVisible();
  await expect(player(page).getByText(`已完成 ${steps} / ${steps} 步`)).toBeVisible();
  const log = (await api.state()).log;
  expect(log.some((e) => e.command === 'ipvsadm -A -t 172.16.132.18:80 -s rr')).toBe(true);
});

test('reload in the middle of a lesson keeps its step, its progress and the lab', async ({ page, api }) => {
  await page.goto('?lesson=nat-seed&paused=1');
  await api.ready();
  const p = player(page);
  await p.getByRole('button', { name: 'Next' }).click();
  // A point step highlights what it names on the map.
  await expect(page.locator('.topology [data-host="director"].lesson-pointed')).toHaveCount(1);
  await p.getByRole('button', { name: 'Next' }).click();
  await p.getByRole('button', { name: 'Do it for me' }).click();
  await expect(p.locator('.lesson-actions .lesson-ok')).toHaveText('Done.');
  await p.getByRole('button', { name: 'Next' }).click();
  await expect(p.getByText('3 of 18 steps done')).toBeVisible();
  const before = await api.state();
  // The address bar follows the lab (debounced) before the page goes.
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#state=v2\./);
  await page.reload();
  await api.ready();
  await expect(p.locator('.lesson-step')).toHaveAttribute('data-step', '3');
  await expect(p.getByText('3 of 18 steps done')).toBeVisible();
  expect((await api.state()).log).toEqual(before.log);
  // Going on works from where the student was, and does not start the lab over.
  await p.getByRole('button', { name: 'Do it for me' }).click();
  await expect(p.locator('.lesson-actions .lesson-ok')).toHaveText('Done.');
  expect((await api.state()).log).toHaveLength(before.log.length + 1);
});

test('axe finds nothing serious in the player and the lessons dock', async ({ page, api }) => {
  test.setTimeout(90_000);
  const serious = async () =>
    (await new AxeBuilder({ page }).include('.lesson-layout > aside').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  await page.goto('?lab=nat&paused=1');
  await api.ready();
  await page.getByRole('button', { name: 'Lessons' }).click();
  await expect(page.locator('.lesson-list button').first()).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.goto('?lesson=dr-seed&paused=1');
  await api.ready();
  const p = player(page);
  for (let i = 0; i < 10; i++) await p.getByRole('button', { name: 'Next' }).click();
  await expect(p.locator('.lesson-step')).toHaveAttribute('data-kind', 'predict');
  expect(await serious()).toEqual([]);
  await p.locator('input[type=radio]').nth(1).check();
  await p.getByRole('button', { name: 'Check my prediction' }).click();
  await expect(p.locator('.lesson-live[role="status"]')).toHaveText(/^(Right|Not quite)/, {
    timeout: 15_000,
  });
  expect(await serious()).toEqual([]);
});

test('lesson-url loads a same-origin lesson file; another origin is refused in plain words', async ({
  page,
  api,
}) => {
  const lesson = {
    id: 'course-week3',
    lab: 'dr',
    bare: false,
    kind: 'lesson',
    title: { en: 'Week 3: DR', 'zh-CN': '第三周:DR' },
    steps: [{ kind: 'explain', text: { en: 'The **VIP** is on lo.', 'zh-CN': 'VIP 在 lo 上。' } }],
  };
  await page.route('**/lessons/week3.json', (r) => r.fulfill({ json: lesson }));
  await page.goto('?lesson-url=lessons/week3.json&paused=1');
  await api.ready();
  await expect(player(page).getByRole('heading', { level: 2 })).toHaveText('Week 3: DR');
  await expect(player(page).locator('.lesson-md strong')).toHaveText('VIP');
  await expect.poll(async () => (await api.state()).labId).toBe('dr');
  await page.goto('?lab=nat&lesson-url=https://evil.example/x.json&paused=1');
  await api.ready();
  await expect(page.getByRole('alert')).toContainText('lesson-url: must be on the same site as the lab');
});

test('inside a frame, the lesson reports its steps and passes to the embedding page (lvs-lab:lesson)', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const origin = new URL(baseURL!).origin;
  const src = `${baseURL}?lesson=nat-seed&embed=1&paused=1&origin=${encodeURIComponent(origin)}`;
  await page.route('**/lesson-parent.html', (r) =>
    r.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>LMS</title><iframe id="lab" style="width:1400px;height:860px" src="${src}"></iframe>
<script>window.got=[];addEventListener('message',e=>{if(e.data&&e.data.type==='lvs-lab:lesson')window.got.push(e.data)});</script>`,
    }),
  );
  await page.goto(`${baseURL}lesson-parent.html`);
  const frame = page.frameLocator('#lab');
  const p = frame.locator('.lesson-player');
  await expect(p).toBeVisible();
  const got = () => page.evaluate(() => (window as unknown as { got: Record<string, unknown>[] }).got);
  await expect.poll(got).toContainEqual({
    type: 'lvs-lab:lesson',
    event: 'step',
    lesson: 'nat-seed',
    step: 0,
    steps: 18,
    kind: 'explain',
  });
  await p.getByRole('button', { name: 'Next' }).click();
  await expect.poll(got).toContainEqual(expect.objectContaining({ event: 'passed', step: 0 }));
  await expect.poll(got).toContainEqual(expect.objectContaining({ event: 'step', step: 1, kind: 'point' }));
});

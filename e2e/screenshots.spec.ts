import { mkdirSync } from 'node:fs';
import { test } from './fixtures';

const DIR = 'e2e/screenshots';
mkdirSync(DIR, { recursive: true });

for (const labId of ['nat', 'dr', 'tun'] as const) {
  test(`screenshots of ${labId}: English, 简体中文, projector`, async ({ lab, api, page }) => {
    await lab.open(labId, '?paused=1');
    await api.send();
    await lab.seekToDirectorRewrite();
    await page.screenshot({ path: `${DIR}/${labId}-en.png` });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.locator('html[lang="zh-CN"]').waitFor();
    await lab.tab('钩子').click();
    await page.locator('.hook-lane').waitFor();
    await page.screenshot({ path: `${DIR}/${labId}-zh.png` });
    await page.getByRole('combobox', { name: '配色' }).selectOption('projector');
    await lab.tab('报文').click();
    await page.screenshot({ path: `${DIR}/${labId}-zh-projector.png` });
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await page.locator('html[lang="en"]').waitFor();
    await lab.tab('Scheduler').click();
    await page.locator('.scheduler-panel').waitFor();
    await page.screenshot({ path: `${DIR}/${labId}-en-projector.png` });
    await page.getByRole('combobox', { name: 'Colours' }).selectOption('dark');
    await lab.tab('Controls').click();
    await page.locator('.controls-panel').waitFor();
    await page.screenshot({ path: `${DIR}/${labId}-en-dark.png` });
  });
}

test('screenshots of the side-by-side view and the home page', async ({ api, page }) => {
  await page.goto('?view=compare');
  await api.ready();
  await page.getByRole('button', { name: 'Send 10 to both' }).click();
  await page.screenshot({ path: `${DIR}/compare-en.png` });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.locator('html[lang="zh-CN"]').waitFor();
  await page.screenshot({ path: `${DIR}/compare-zh.png` });
  await page.goto('/');
  await page.screenshot({ path: `${DIR}/home-zh.png`, fullPage: true });
});

import { expect, test } from './fixtures';

test('the first page lists the three labs from the engine', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('LVS Lab');
  const cards = page.locator('.lab-card');
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0)).toContainText('LVS-NAT');
  await expect(cards.nth(0)).toContainText('172.16.132.18');
  await expect(cards.nth(1)).toContainText('192.168.99.188');
  await expect(cards.nth(2)).toContainText('10.10.1.10/24');
});

test('switching to 简体中文 translates the page and survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('LVS 实验室');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('LVS 实验室');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('a lab card opens its lab', async ({ page, api }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Open the LVS-DR lab' }).click();
  await expect(page).toHaveURL(/\?lab=dr(#|$)/);
  await api.ready();
  await expect(page.locator('.send-button')).toContainText('192.168.99.188');
});

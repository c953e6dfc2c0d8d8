import { expect, test } from './fixtures';

test('change the scheduler and a weight through the controls, send 100, and see the distribution', async ({
  lab,
  api,
  page,
}) => {
  await lab.open('nat', '?paused=1');
  await lab.tab('Controls').click();
  await page.getByRole('combobox', { name: 'Scheduler' }).selectOption('wrr');
  await page.getByRole('combobox', { name: 'Weight of rs1' }).selectOption('3');
  await expect(page.locator('.command-hint').first()).toContainText('ipvsadm -E -t 172.16.132.18:80 -s wrr');
  await lab.tab('Scheduler').click();
  // Every scheduler ipvsadm knows is offered.
  await expect(page.locator('.scheduler-panel')).toBeVisible();
  const options = await page.getByRole('combobox', { name: 'Scheduler' }).locator('option').allTextContents();
  expect(options.map((o) => o.split(' ')[0])).toEqual([
    'rr',
    'wrr',
    'lc',
    'wlc',
    'lblc',
    'lblcr',
    'dh',
    'sh',
    'sed',
    'nq',
    'fo',
    'ovf',
    'mh',
    'twos',
  ]);
  await page.getByRole('button', { name: 'Send 100 requests' }).first().click();
  const rows = page.locator('.rs-table tbody tr');
  await expect(rows.filter({ hasText: '192.168.99.130:888' })).toContainText('75');
  await expect(rows.filter({ hasText: '192.168.99.140:888' })).toContainText('25');
  await expect(page.locator('.rs-table .badge-next')).toHaveCount(1);
  await expect(page.getByRole('img', { name: /100 connections/ })).toBeVisible();
  // Scrub back: the counts follow the cursor.
  const s = await api.state();
  await api.seek(Math.floor(s.traceLength / 2));
  const half = await page.getByRole('img', { name: /connections/ }).getAttribute('aria-label');
  expect(half).toMatch(/^(4[0-9]|5[0-9]) connections/);
  expect((await api.state()).log.map((e) => e.host)).toEqual(['director', 'director', 'client']);
});

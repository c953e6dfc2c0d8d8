import { expect, test } from './fixtures';

test('reload in the middle of a lab brings back the command log, the position and the language', async ({
  lab,
  api,
  page,
}) => {
  await lab.open('tun', '?paused=1');
  await api.call('run', 'director', 'ipvsadm -E -t 192.168.99.188:80 -s wrr');
  await lab.sendButton.click();
  await lab.seekToDirectorRewrite();
  await lab.stepForward.click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const before = await api.state();
  const packet = await lab.packet.getAttribute('data-frame');
  await page.reload();
  await api.ready();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('LVS 实验室');
  const after = await api.state();
  expect(after.log).toEqual(before.log);
  expect(after.cursor).toBe(before.cursor);
  expect(after.simTime).toBe(before.simTime);
  expect(after.language).toBe('zh-CN');
  await expect(lab.packet).toHaveAttribute('data-frame', packet!);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('each lab keeps its own session when switching between them', async ({ lab, api, page }) => {
  await lab.open('nat', '?paused=1');
  await lab.sendButton.click();
  const nat = await api.state();
  await page.getByRole('link', { name: 'LVS-DR' }).click();
  await expect.poll(async () => (await api.state()).labId).toBe('dr');
  expect((await api.state()).log).toEqual([]);
  await page.getByRole('link', { name: 'LVS-NAT' }).click();
  await expect.poll(async () => (await api.state()).labId).toBe('nat');
  expect((await api.state()).log).toEqual(nat.log);
  expect((await api.state()).cursor).toBe(nat.cursor);
});

test('reload puts the inspector tab, the selected host and the open terminal back', async ({
  lab,
  api,
  page,
}) => {
  await lab.open('nat', '?paused=1');
  await lab.sendButton.click();
  await api.step(4);
  await page.locator('#tab-hooks').click();
  await api.call('selectHost', 'rs1');
  await page.locator('#term-tab-rs2').click();
  const before = await api.call<Record<string, unknown>>('state');
  expect(before).toMatchObject({ inspectorTab: 'hooks', selectedHost: 'rs1', terminalHost: 'rs2' });
  await page.reload();
  await api.ready();
  await expect(page.locator('#tab-hooks')).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#term-tab-rs2')).toHaveAttribute('aria-selected', 'true');
  const after = await api.call<Record<string, unknown>>('state');
  for (const k of [
    'cursor',
    'simTime',
    'log',
    'inspectorTab',
    'selectedHost',
    'terminalHost',
    'selectedFrame',
  ])
    expect(after[k], k).toEqual(before[k]);
});

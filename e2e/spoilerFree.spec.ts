import { expect, test } from './fixtures';

test('the client terminal prints the answer only when playback reaches it, and hides it stepping back', async ({
  lab,
  api,
  page,
}) => {
  await lab.open('nat', '?paused=1');
  await page.getByRole('tab', { name: 'client', exact: true }).click();
  const rows = page.locator('.host-terminal[data-host="client"] .xterm-rows');
  await expect(rows).toContainText('[root@client ~]#');
  await lab.sendButton.click();
  // The first event of the request: the command is on screen, the answer is not.
  await expect(rows).toContainText('curl -s 172.16.132.18');
  await expect.poll(async () => (await api.state()).playing).toBe(false);
  expect(await rows.innerText()).not.toMatch(/rs[12]/);
  // At the last event the answer is there.
  await api.seek(Number.MAX_SAFE_INTEGER);
  await expect(rows).toContainText(/rs[12]/);
  // The event where curl printed it; one step back before it hides the answer again.
  const [out] = await api.find('cmd.out', { host: 'client', stream: 'stdout' });
  const responses = await api.find('frame.rx', { host: 'client' });
  expect(responses.some((i) => i < out!)).toBe(true);
  await api.seek(out! + 1);
  await expect(rows).toContainText(/rs[12]/);
  await page.locator('main').focus();
  await page.keyboard.press('ArrowLeft');
  expect((await api.state()).cursor).toBe(out!);
  await expect(rows).not.toContainText(/rs[12]/);
  await expect(rows).toContainText('curl -s 172.16.132.18');
});

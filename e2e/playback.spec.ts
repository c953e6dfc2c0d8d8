import { expect, test } from './fixtures';

test('keyboard: space plays and pauses, arrows step exactly, ? opens the help', async ({
  lab,
  api,
  page,
}) => {
  await lab.open('nat', '?paused=1');
  await api.send();
  const c0 = (await api.state()).cursor;
  await page.locator('main').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  expect((await api.state()).cursor).toBe(c0 + 2);
  await page.keyboard.press('Shift+ArrowRight');
  const c1 = (await api.state()).cursor;
  const ev = (await api.trace(c1 - 1, c1))[0]!;
  expect(String(ev.kind)).toMatch(/^frame\./);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await api.state()).playing).toBe(true);
  await expect.poll(async () => (await api.state()).cursor).toBeGreaterThan(c1);
  await page.keyboard.press('Space');
  await expect.poll(async () => (await api.state()).playing).toBe(false);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'How to use LVS Lab' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Step forward one event');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the scrubber seeks, the play button plays to the end, the speed select changes speed', async ({
  lab,
  api,
  page,
}) => {
  await lab.open('dr');
  // At 1× a request plays for over a second: long enough to see it playing.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  await lab.sendButton.click();
  await expect.poll(async () => (await api.state()).playing).toBe(true);
  await expect.poll(async () => (await api.state()).playing, { timeout: 15000 }).toBe(false);
  const s = await api.state();
  expect(s.cursor).toBe(s.traceLength);
  await page.getByRole('slider', { name: 'Position in the trace' }).fill('60');
  expect((await api.state()).cursor).toBe(60);
});

test('acting in the past forks history from that point', async ({ lab, api, page }) => {
  await lab.open('nat', '?paused=1');
  await api.send();
  await api.seek(Number.MAX_SAFE_INTEGER);
  await api.send();
  expect((await api.state()).log).toHaveLength(2);
  // Back into the second request, then change the scheduler there.
  await api.seek(Number.MAX_SAFE_INTEGER);
  await api.back(30);
  await lab.tab('Scheduler').click();
  await page.getByRole('combobox', { name: 'Scheduler' }).selectOption('wlc');
  const log = (await api.state()).log.map((e) => e.command);
  expect(log).toEqual(['curl -s 172.16.132.18', 'ipvsadm -E -t 172.16.132.18:80 -s wlc']);
  await expect(page.locator('.notice-line')).toContainText('History forked');
});

test('with reduced motion, playback steps from event to event instead of gliding', async ({
  lab,
  api,
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await lab.open('nat', '?paused=1');
  await api.send();
  const c0 = (await api.state()).cursor;
  await page.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => (await api.state()).cursor, { timeout: 5000 }).toBeGreaterThan(c0);
  await page.getByRole('button', { name: 'Pause' }).click();
  const s = await api.state();
  const ev = (await api.trace(s.cursor - 1, s.cursor))[0]!;
  // The clock sits exactly on an event's time: no frame is drawn half-way along a wire.
  expect(s.simTime).toBe(ev.t);
});

import { expect, test } from './fixtures';

test("the seed's curl loop at 1×: at least 3 answers within 6 s of wall time", async ({ lab, page }) => {
  await page.clock.install();
  await lab.open('nat', '?paused=1');
  await page.getByRole('tab', { name: 'client', exact: true }).click();
  const term = page.locator('.host-terminal[data-host="client"]');
  const rows = term.locator('.xterm-rows');
  await expect(rows).toContainText('[root@client ~]#');
  await term.locator('.xterm-screen').click();
  await page.keyboard.type('while true;do curl 172.16.132.18 ; sleep 0.5 ; done');
  // From here the wall clock moves only when the test says so.
  await page.clock.pauseAt(Date.now() + 60_000);
  await page.keyboard.press('Enter');
  for (let ms = 0; ms < 6000; ms += 100) await page.clock.runFor(100);
  const answers = ((await rows.innerText()).match(/rs[12]/g) ?? []).length;
  expect(answers).toBeGreaterThanOrEqual(3);
  expect(answers).toBeLessThanOrEqual(6);
});

// A page of the NAT lab (worker session, playback at 50×) with `ab -n <requests>` typed in the
// client's terminal, not yet run: the long session the after-a-long-session benches start from.

/** Open the page and type the command; `rows` is the client terminal's text. */
export async function typeLongCommand(browser, base, requests) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}?lab=nat&paused=1&worker=1`);
  await page.waitForFunction(() => window.__lvsLab?.ready === true);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('50');
  await page.getByRole('tab', { name: 'client', exact: true }).click();
  const rows = page.locator('.host-terminal[data-host="client"] .xterm-rows');
  await page.locator('.host-terminal[data-host="client"] .xterm-screen').click();
  await page.keyboard.type(`ab -n ${requests} -c 20 http://172.16.132.18/ > /dev/null`);
  return { ctx, page, rows };
}

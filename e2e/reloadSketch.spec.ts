import { expect, test } from './fixtures';

// A reload does not wait for its replay: the lab's topology is drawn from its data first, the
// replay's progress beside it, and the live views take over with the same log and cursor.
test('a reload draws the topology before the long saved log has replayed', async ({ lab, api, page }) => {
  await lab.open('nat', '?paused=1&servers=3');
  await api.send(300);
  await api.seek(1000);
  const before = await api.state();
  await expect(page).toHaveURL(/#state=/);
  await page.addInitScript(() => {
    const order: string[] = [];
    Reflect.set(window, '__drawnOrder', order);
    new MutationObserver(() => {
      for (const kind of ['lab-data', 'engine'])
        if (!order.includes(kind) && document.querySelector(`[data-topology-drawn="${kind}"] .host`))
          order.push(kind);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  const sketch = page.locator('[data-topology-drawn="lab-data"]');
  await expect(page.locator('[data-topology-drawn="engine"] [data-host="rs3"]')).toBeVisible({
    timeout: 60_000,
  });
  await api.ready();
  const order = await page.evaluate(() => Reflect.get(window, '__drawnOrder') as string[]);
  expect(order).toEqual(['lab-data', 'engine']);
  await expect(sketch).toHaveCount(0);
  const after = await api.state();
  expect(after.log).toEqual(before.log);
  expect(after.cursor).toBe(before.cursor);
});

test('while a long replay runs, its progress sits beside the sketch of the lab it rebuilds', async ({
  lab,
  api,
  page,
}) => {
  await lab.open('dr', '?paused=1');
  await api.send(400);
  await expect(page).toHaveURL(/#state=/);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 }); // a replay long enough to look at
  await page.reload();
  const gate = page.locator('.replay-gate');
  await expect(gate.getByRole('progressbar', { name: 'Replaying saved work' })).toBeVisible({
    timeout: 30_000,
  });
  await expect(gate.locator('[data-topology-drawn="lab-data"] [data-host="director"]')).toContainText(
    '192.168.99.120/24',
  );
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(page.locator('[data-topology-drawn="engine"] [data-host="director"]')).toBeVisible({
    timeout: 60_000,
  });
});

import { expect, test } from './fixtures';

test('lc: 100 requests from all clients at once, concurrency 10: their connections overlap in the chart', async ({
  lab,
  api,
  page,
}) => {
  // Four clients, a hundred CGI requests replayed in the page.
  test.setTimeout(120_000);
  await lab.open('nat', '?servers=4&clients=4&paused=1');
  await lab.tab('Scheduler').click();
  const panel = page.locator('.scheduler-panel');
  await panel.getByRole('combobox', { name: 'Scheduler' }).selectOption('lc');
  await panel.getByRole('combobox', { name: 'Requests' }).selectOption('100');
  await panel.getByRole('combobox', { name: 'From' }).selectOption('all');
  await panel.getByRole('combobox', { name: 'Concurrency (ab -c)' }).selectOption('10');
  await panel.getByRole('combobox', { name: 'Page' }).selectOption('cgi');
  await panel.getByRole('button', { name: 'Send 100 requests with these options' }).click();
  // The last command typed is the last client's wait.
  await expect.poll(async () => (await api.state()).log.at(-1)?.command, { timeout: 90_000 }).toBe('wait');
  await expect(panel.getByRole('img', { name: /^Clients and their real servers/ })).toBeVisible();

  // Typed as an instructor would: each client's ab in the background, then each client waits.
  const s = await api.state();
  const ab = s.log.filter((e) => e.command.startsWith('ab '));
  expect(ab.map((e) => e.host)).toEqual(['client', 'client2', 'client3', 'client4']);
  expect(ab.every((e) => e.command.endsWith(' &'))).toBe(true);
  expect(s.log.filter((e) => e.command === 'wait')).toHaveLength(4);

  // The engine scheduled connections from the four clients interleaved, not one client after another.
  const idx = await api.find('ipvs.conn');
  const events = await api.trace(idx[0]!, idx.at(-1)! + 1);
  const order = events.flatMap((e) =>
    e.kind === 'ipvs.conn' && e.event === 'new' ? [String(e.client).split(':')[0]] : [],
  );
  expect(order).toHaveLength(100);
  // Each ab opens its ten connections at once: the first forty come from all four clients.
  expect(new Set(order.slice(0, 40)).size).toBe(4);

  // The over-time chart: more connections open at one moment than one client's ab -c 10 holds.
  const chart = panel.locator('svg.conn-over-time');
  await expect(chart.locator('g[data-dest]')).toHaveCount(4);
  expect(Number(await chart.getAttribute('data-max-total-active'))).toBeGreaterThan(10);
  await expect(panel.locator('svg.client-map g[data-client]')).toHaveCount(4);
});

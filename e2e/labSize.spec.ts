import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

/** The host cards' screen boxes; no two may overlap. */
async function hostBoxes(
  page: Page,
): Promise<{ name: string; x: number; y: number; w: number; h: number }[]> {
  const hosts = page.locator('.topology-svg [data-host] .host-card');
  const n = await hosts.count();
  const out = [];
  for (let i = 0; i < n; i++) {
    const h = hosts.nth(i);
    const name = (await h.locator('xpath=..').getAttribute('data-host')) ?? '';
    const b = (await h.boundingBox())!;
    out.push({ name, x: b.x, y: b.y, w: b.width, h: b.height });
  }
  return out;
}

function overlaps(boxes: Awaited<ReturnType<typeof hostBoxes>>): string[] {
  const bad: string[] = [];
  boxes.forEach((a, i) =>
    boxes.slice(i + 1).forEach((b) => {
      if (a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)
        bad.push(`${a.name}/${b.name}`);
    }),
  );
  return bad;
}

test('the lab picker opens DR with 8 real servers and 8 clients, all drawn apart', async ({ page, api }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Real servers in the LVS-DR lab' }).selectOption('8');
  await page.getByRole('combobox', { name: 'Clients in the LVS-DR lab' }).selectOption('8');
  await page.getByRole('link', { name: 'Open the LVS-DR lab' }).click();
  await expect(page).toHaveURL(/\?lab=dr&servers=8&clients=8(#|$)/);
  await api.ready();
  await page.locator('.topology-svg [data-host="client8"]').waitFor();
  const boxes = await hostBoxes(page);
  for (const name of ['rs1', 'rs8', 'client', 'client8']) expect(boxes.map((b) => b.name)).toContain(name);
  expect(boxes.filter((b) => /^rs\d$/.test(b.name))).toHaveLength(8);
  expect(boxes.filter((b) => /^client\d?$/.test(b.name))).toHaveLength(8);
  expect(overlaps(boxes)).toEqual([]);
});

for (const labId of ['nat', 'tun', 'ha']) {
  test(`${labId} with 8 real servers and 8 clients renders without overlap`, async ({ lab, page }) => {
    await lab.open(labId, '?servers=8&clients=8&paused=1');
    await page.locator('.topology-svg [data-host="client8"]').waitFor();
    const boxes = await hostBoxes(page);
    expect(boxes.filter((b) => /^rs\d$/.test(b.name))).toHaveLength(8);
    expect(overlaps(boxes)).toEqual([]);
  });
}

test('8 + 8 at 1280 px, projector scheme, 简体中文: still no overlap', async ({ lab, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await lab.open('dr', '?servers=8&clients=8&paused=1&scheme=projector&lang=zh-CN');
  await page.locator('.topology-svg [data-host="client8"]').waitFor();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const boxes = await hostBoxes(page);
  expect(boxes).toHaveLength(8 + 8 + 2);
  expect(overlaps(boxes)).toEqual([]);
});

test('lc: 100 requests from all 8 clients, concurrency 10, through the scheduler panel', async ({
  lab,
  api,
  page,
}) => {
  // Sixteen hosts and a hundred CGI requests: replayed in the page, slower than one request.
  test.setTimeout(120_000);
  await lab.open('nat', '?servers=8&clients=8&paused=1');
  await lab.tab('Scheduler').click();
  const panel = page.locator('.scheduler-panel');
  await panel.getByRole('combobox', { name: 'Scheduler' }).selectOption('lc');
  await panel.getByRole('combobox', { name: 'Requests' }).selectOption('100');
  await panel.getByRole('combobox', { name: 'From' }).selectOption('all');
  await panel.getByRole('combobox', { name: 'Concurrency (ab -c)' }).selectOption('10');
  await panel.getByRole('combobox', { name: 'Page' }).selectOption('cgi');
  await panel.getByRole('button', { name: 'Send 100 requests with these options' }).click();
  await expect(panel.getByRole('img', { name: /^Clients and their real servers/ })).toBeVisible();

  // The load is typed commands: one ab per client, shares adding up to 100.
  const s = await api.state();
  const ab = s.log.filter((e) => e.command.startsWith('ab '));
  expect(ab.map((e) => e.host)).toHaveLength(8);
  expect(ab.reduce((n, e) => n + Number(/-n (\d+)/.exec(e.command)![1]), 0)).toBe(100);
  expect(s.cursor).toBe(s.traceLength);

  // The engine's decisions, read from the trace, against what the panel shows.
  const idx = await api.find('ipvs.schedule');
  const picks = new Map<string, number>();
  const events = await api.trace(idx[0]!, idx.at(-1)! + 1);
  for (const e of events) {
    if (e.kind !== 'ipvs.schedule' || e.scheduler !== 'lc' || typeof e.dest !== 'string') continue;
    picks.set(e.dest, (picks.get(e.dest) ?? 0) + 1);
  }
  expect([...picks.values()].reduce((a, b) => a + b, 0)).toBe(100);
  for (const [dest, n] of picks) {
    await expect(page.locator(`.rs-table tr[data-dest="${dest}"] td`).last()).toHaveText(String(n));
  }
  // lc with overlapping connections spreads them over every server, none far above its share.
  const counts = [...picks.values()];
  expect(picks.size).toBe(8);
  expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(Math.ceil(100 / 8));

  // The over-time chart has a line for each real server, with samples up to the cursor.
  const chart = panel.locator('svg.conn-over-time');
  await expect(chart.locator('g[data-dest]')).toHaveCount(8);
  expect(Number(await chart.getAttribute('data-samples'))).toBeGreaterThan(1);
  // Some moment had several connections open on one server at once (the CGI sleeps 1 s).
  expect(Number(await chart.getAttribute('data-max-active'))).toBeGreaterThanOrEqual(2);
  // The client map lists all eight client addresses.
  await expect(panel.locator('svg.client-map g[data-client]')).toHaveCount(8);
});

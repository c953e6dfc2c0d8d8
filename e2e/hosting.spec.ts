import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from './fixtures';
import { typeCommand } from './pages/terminal';

// The production build as a course site hosts it (under /course/lvs/, a plain static server with
// no SPA fallback), and the single file from file://. Only the UI is driven: no test API here.

test('under /course/lvs/, ?lab=dr&lang=zh-CN opens the DR lab in Chinese', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => void (r.status() >= 400 && failed.push(r.url())));
  await page.goto('?lab=dr&lang=zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('LVS 实验室');
  await expect(page.getByRole('heading', { level: 2, name: /LVS-DR/ })).toBeVisible();
  await expect(page.locator('.send-button')).toContainText('192.168.99.188');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('.host').first()).toBeVisible();
  expect(await page.evaluate(() => 'lvsLab' in window || '__lvsLab' in window)).toBe(false);
  expect(failed).toEqual([]);
});

test('dist/lvs-lab.html from file:// with ?lab=tun opens the TUN lab', async ({ page }) => {
  const file = pathToFileURL(resolve('dist/lvs-lab.html')).href;
  const requests: string[] = [];
  page.on(
    'request',
    (r) => void (r.url().startsWith('file:') || r.url().startsWith('data:') || requests.push(r.url())),
  );
  await page.goto(`${file}?lab=tun`);
  await expect(page.getByRole('heading', { level: 2, name: /LVS-TUN/ })).toBeVisible();
  await expect(page.locator('.topology-svg .host').first()).toBeVisible();
  await page.locator('.send-button').click();
  await expect(page.locator('.event-list')).toContainText(/IPVS TUN/);
  expect(requests, 'nothing is fetched from the network').toEqual([]);
});

test('?embed=1&panels=packet,terminal shows only those panels, without the site header', async ({ page }) => {
  await page.goto('?lab=nat&embed=1&panels=packet,terminal');
  await expect(page.locator('.topology-svg .host').first()).toBeVisible();
  await expect(page.locator('.app-header')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Labs' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Packet' })).toBeVisible();
  for (const gone of ['Hooks', 'Scheduler', 'Controls'])
    await expect(page.getByRole('tab', { name: gone })).toHaveCount(0);
  await expect(page.locator('section.events')).toHaveCount(0);
  await expect(page.locator('section.terminals')).toBeVisible();
  const full = page.getByRole('link', { name: 'Open the full lab' });
  await expect(full).toHaveAttribute('target', '_blank');
  await expect(full).not.toHaveAttribute('href', /embed=1/);
});

for (const [width, height] of [
  [360, 640],
  [1280, 720],
] as const)
  test(`an embed at ${width} × ${height} clips nothing, the terminal included`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('?lab=nat&embed=1');
    await expect(page.locator('.topology-svg .host').first()).toBeVisible();
    await expect(page.locator('.terminals .xterm-screen')).toBeVisible();
    const overflow = await page.evaluate(() => {
      const out: string[] = [];
      const width = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth > width + 1)
        out.push(`page scrolls sideways: ${document.documentElement.scrollWidth}`);
      const sel =
        'main button, main input, main select, main a, main h2, .panel, .xterm-screen, .topology-svg';
      for (const el of document.querySelectorAll<HTMLElement>(sel)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        if (r.left < -1 || r.right > width + 1)
          out.push(
            `${el.tagName}.${el.className} "${(el.textContent ?? '').slice(0, 30)}" ${Math.round(r.left)}…${Math.round(r.right)}`,
          );
      }
      return out;
    });
    expect(overflow).toEqual([]);
  });

test('bare=1: ipvsadm -Ln lists no service and ip_forward is 0', async ({ page }) => {
  await page.goto('?lab=nat&bare=1');
  await expect(page.locator('.topology-svg .host').first()).toBeVisible();
  const ipvs = await typeCommand(page, 'director', 'ipvsadm -Ln');
  expect(ipvs).toContain('Prot LocalAddress:Port Scheduler Flags');
  expect(ipvs).not.toContain('TCP  172.16.132.18:80');
  const fwd = await typeCommand(page, 'director', 'cat /proc/sys/net/ipv4/ip_forward');
  expect(fwd).toMatch(/ip_forward\s*\n0\s*\n/);
});

test('once the service worker controls the page, the lab opens again offline', async ({ page, context }) => {
  await page.goto('?lab=dr');
  await expect(page.locator('.topology-svg .host').first()).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  // The first visit installs the worker; a reload puts the page under its control.
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: /LVS-DR/ })).toBeVisible();
  await expect(page.locator('.topology-svg .host').first()).toBeVisible();
  await context.setOffline(false);
});

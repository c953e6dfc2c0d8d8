import { expect, test } from '@playwright/test';

// The topology is drawn from the lab's data while the engine's chunk is still on its way.
test('the topology is drawn before the engine loads; the controls say they are loading', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  let engineAsked = false;
  await page.route(/\/assets\/engine-[\w-]+\.js$/, async (route) => {
    engineAsked = true;
    await held;
    await route.continue();
  });
  await page.goto('?lab=dr&servers=3&paused=1');
  const sketch = page.locator('svg[data-topology-drawn="lab-data"]');
  await expect(sketch.locator('[data-host="rs3"]')).toContainText('192.168.99.');
  await expect(sketch.locator('[data-host="director"]')).toContainText('192.168.99.120/24');
  await expect(page.getByRole('group', { name: /LVS-DR/ })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Loading the simulator');
  await expect(page.getByRole('region', { name: 'Terminals and playback' })).toHaveAttribute(
    'aria-busy',
    'true',
  );
  expect(engineAsked).toBe(true);
  await expect(page.locator('.send-button')).toHaveCount(0);
  release();
  await expect(page.locator('.send-button')).toBeVisible();
  await expect(page.locator('svg[data-topology-drawn="engine"] [data-host="rs3"]')).toBeVisible();
  await expect(sketch).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('in Chinese, the loading notice and the lab name are in Chinese too', async ({ page }) => {
  await page.route(/\/assets\/engine-[\w-]+\.js$/, () => {}); // never arrives
  await page.goto('?lab=nat&lang=zh-CN');
  await expect(page.locator('svg[data-topology-drawn="lab-data"] [data-host="director"]')).toContainText(
    '172.16.132.18/24',
  );
  await expect(page.getByRole('status')).toContainText('正在加载模拟器');
});

// The sketch waits for the catalogs: English (every page's fallback) is fetched with the entry
// script, not asked for only once the entry script (React's DOM renderer) has evaluated.
test('the English catalog is asked for before the entry script has arrived', async ({ page }) => {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  const catalog = page.waitForRequest(/\/assets\/en-[\w-]+\.js$/);
  await page.goto('?lab=nat&paused=1', { waitUntil: 'commit' });
  await catalog;
  release();
  await expect(page.locator('svg[data-topology-drawn] [data-host="director"]')).toBeVisible();
});

// A Chinese page's own catalog comes the same way (a small script in index.html decides, as the
// app does); an English page never fetches it.
test.describe('in Chinese', () => {
  test.use({ locale: 'zh-CN' });
  test('the Chinese catalog is asked for before the entry script has arrived', async ({ page }) => {
    let release = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const catalog = page.waitForRequest(/\/assets\/zh-CN-[\w-]+\.js$/);
    await page.goto('?lab=nat&paused=1', { waitUntil: 'commit' });
    await catalog;
    release();
    // The loading status is gone as soon as the app is in: what stays is the page in Chinese.
    await expect(page.locator('svg[data-topology-drawn] [data-host="director"]')).toBeVisible();
    await expect(page.getByRole('region', { name: '终端' })).toBeVisible();
  });

  // Last in the head, the script was asked for behind six others (six connections to one host)
  // and arrived with the entry, and the catalog it asks for after the entry had evaluated.
  test('the script that preloads the catalog is the first script the page asks for', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname.replace(/^.*\//, ''));
    });
    await page.goto('?lab=nat&paused=1');
    await expect(page.locator('svg[data-topology-drawn] [data-host="director"]')).toBeVisible();
    expect(scripts[0]).toMatch(/^lang-[\w-]+\.js$/);
    expect(scripts.findIndex((f) => /^index-/.test(f))).toBeGreaterThan(0);
  });

  // With no Chinese face in the list, each Chinese glyph of the first layout went to the
  // platform's fallback (fontconfig on Linux), and the sketch painted later.
  test('a Chinese page names the usual Chinese faces, after the Latin ones', async ({ page }) => {
    await page.goto('?lab=nat&paused=1');
    await expect(page.locator('svg[data-topology-drawn] [data-host="director"]')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
    const fonts = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(fonts).toMatch(/^system-ui,/);
    for (const face of ['PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei'])
      expect(fonts).toContain(face);
    expect(fonts.indexOf('Noto Sans CJK SC')).toBeLessThan(fonts.indexOf('sans-serif'));
  });
});

test('an English page keeps its own font list (no Chinese faces first)', async ({ page }) => {
  await page.goto('?lab=nat&paused=1&lang=en');
  await expect(page.locator('svg[data-topology-drawn] [data-host="director"]')).toBeVisible();
  const fonts = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(fonts).toMatch(/^system-ui,/);
  expect(fonts).not.toContain('WenQuanYi');
});

test('an English page does not fetch the Chinese catalog', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => asked.push(r.url()));
  await page.goto('?lab=nat&paused=1&lang=en');
  await expect(page.locator('svg[data-topology-drawn="engine"] [data-host="director"]')).toBeVisible();
  expect(asked.filter((u) => /\/assets\/zh-CN-/.test(u))).toEqual([]);
  expect(asked.some((u) => /\/assets\/en-[\w-]+\.js$/.test(u))).toBe(true);
});

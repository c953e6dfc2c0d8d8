import lz from 'lz-string';
import { HOSTILE_URLS } from '../src/embed/hostileCorpus';
import { fuzzSeed } from '../src/embed/fuzzSeed';
import { expect, test } from './fixtures';

// Hostile URLs in a real browser: the shared corpus plus a few seeded mutations of a good link.
// Every one must leave a usable lab (or the lab list), run no script and throw nothing.
const SEED = fuzzSeed();
console.warn(`[hostileUrls] FUZZ_SEED=${SEED}`);

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutated(seed: number): string[] {
  const r = rng(seed);
  const good = `v2.${lz.compressToEncodedURIComponent(
    JSON.stringify({
      l: 'dr',
      s: 7,
      b: 0,
      n: 2,
      c: 1,
      g: [
        [0, 'curl -s 192.168.99.188'],
        [1, 'ipvsadm -Ln'],
      ],
    }),
  )}`;
  const cut = good.slice(0, 3 + Math.floor(r() * (good.length - 3)));
  const chars = [...good];
  for (let i = 0; i < 4; i++)
    chars[3 + Math.floor(r() * (chars.length - 3))] = String.fromCharCode(33 + Math.floor(r() * 90));
  return [
    `#state=${cut}`,
    `#state=${encodeURIComponent(chars.join(''))}`,
    `?lab=tun&step=${Math.floor(r() * 1e9)}#state=${good}`,
  ];
}

const URLS = [...HOSTILE_URLS, ...mutated(SEED)].slice(0, 25);

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

URLS.forEach((url, i) => {
  test(`hostile URL ${i + 1}/${URLS.length} leaves a usable lab and runs nothing`, async ({ page }) => {
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`/${url}`);
    const send = page.locator('.send-button');
    const cards = page.locator('.lab-card');
    await expect(send.or(cards.first())).toBeVisible();
    if (await send.isVisible()) {
      await expect(page.locator('.topology-svg .host').first()).toBeVisible();
      const before = (await page.evaluate(() => window.__lvsLab?.state().log.length)) ?? 0;
      await send.click();
      // A link's own log may still be loading when `before` is read: the lab is usable when the
      // request lands in the log, whatever came before it.
      await expect
        .poll(() => page.evaluate(() => window.__lvsLab?.state().log.length ?? 0))
        .toBeGreaterThan(before);
    } else {
      await expect(cards).toHaveCount(4);
    }
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    expect(dialogs, `dialogs for ${url}`).toEqual([]);
    expect(errors, `uncaught errors for ${url}`).toEqual([]);
  });
});

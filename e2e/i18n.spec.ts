import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Words that stay as they are in 简体中文: CIP/VIP/DIP/RIP and other acronyms (all capitals),
 * hook names and verdicts (also capitals), command names, scheduler ids, the lab's own
 * identifiers (host, segment and device names), units and the Maglev name. Anything holding a
 * digit, dot, underscore, slash, colon, equals sign or hyphen is an address, a sysctl or a flag.
 */
const ALLOWED = new Set([
  'keepalived',
  'client',
  'router',
  'director',
  'public',
  'private',
  'lan',
  'lo',
  'curl',
  'ab',
  'ipvsadm',
  'sysctl',
  'ip',
  'ifconfig',
  'echo',
  'modprobe',
  'ipip',
  'neigh',
  'flush',
  'all',
  'default',
  'rr',
  'wrr',
  'lc',
  'wlc',
  'lblc',
  'lblcr',
  'dh',
  'sh',
  'sed',
  'nq',
  'fo',
  'ovf',
  'mh',
  'twos',
  'Maglev',
  'Linux',
  'µs',
  'ms',
  's',
  'B',
  'KiB',
  'MiB',
  'netfilter',
  'ipvs',
]);

async function englishWords(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim()) continue;
      if (el.closest('.xterm, code, kbd, [data-i18n-exempt], script, style, title, option, .visually-hidden'))
        continue;
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none')
        continue;
      out.push(n.textContent);
    }
    // A select shows its chosen option.
    for (const s of document.querySelectorAll('select')) out.push(s.selectedOptions[0]?.textContent ?? '');
    return out;
  });
  const words: string[] = [];
  for (const t of texts)
    for (const raw of t.split(/[\s,;()（）[\]{}"'“”‘’?!？！。，、：:·…→←↔×—–]+/)) {
      if (!/[A-Za-z]/.test(raw) || /[0-9._=/:#@*%$-]/.test(raw)) continue;
      const w = raw.replace(/[^A-Za-zµ]/g, '');
      if (w.length < 2 || /^[A-Z]+$/.test(w) || ALLOWED.has(w)) continue;
      words.push(`${w} ← ${t.trim().slice(0, 60)}`);
    }
  return [...new Set(words)];
}

async function visitEverything(page: Page) {
  for (const tab of ['报文', '钩子', '调度', '控制']) {
    await page.getByRole('tab', { name: tab }).click();
    await page.waitForTimeout(150);
    expect(await englishWords(page), `tab ${tab}`).toEqual([]);
  }
}

test('简体中文: no English text is left in the app chrome', async ({ lab, api, page }) => {
  await lab.open('dr', '?paused=1');
  // Sanity: the same walk finds English words in English.
  expect((await englishWords(page)).length).toBeGreaterThan(10);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('LVS 实验室');
  await lab.sendButton.click();
  await lab.seekToDirectorRewrite();
  await visitEverything(page);
  await api.seek(Number.MAX_SAFE_INTEGER);
  await page.locator('body').press('?');
  expect(await englishWords(page)).toEqual([]);
  await page.keyboard.press('Escape');
  for (const path of ['?lab=nat', '?lab=tun', '?view=compare', '/']) {
    await page.goto(path);
    await api.ready();
    await page.waitForTimeout(300);
    expect(await englishWords(page), path).toEqual([]);
  }
});

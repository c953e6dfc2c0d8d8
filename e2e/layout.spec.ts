import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { terminalColumns } from './pages/terminalColumns';

const SCHEMES = ['light', 'dark', 'projector'] as const;
const TABS = ['Packet', 'Hooks', 'Scheduler', 'Controls'];

/** The boxes that clipped their content before: panels, inspector tabs, tables, toolbars, terminal tabs. */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel = [
      '.lab-view > .panel',
      '.tabs',
      '.tab-panel',
      '.table-scroll',
      '.data-table',
      '.lab-toolbar',
      '.playback-bar',
      '.event-filters',
      '.controls-panel',
      '.scheduler-panel',
    ].join(',');
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (el.offsetParent === null) continue; // not shown (an inactive tab)
      if (el.scrollWidth > el.clientWidth + 1)
        out.push(`${el.className}: ${el.scrollWidth} > ${el.clientWidth} (${el.textContent?.slice(0, 40)})`);
    }
    return out;
  });
}

const separator = (page: Page, name: RegExp): Locator => page.getByRole('separator', { name });

for (const width of [1280, 1440, 1920]) {
  test(`at ${width} px nothing is clipped in any colour scheme, on any inspector tab`, async ({
    lab,
    api,
    page,
  }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height: 900 });
    await lab.open('nat', '?paused=1');
    await api.send(3);
    await api.seek(Number.MAX_SAFE_INTEGER);
    for (const scheme of SCHEMES) {
      await api.call('setScheme', scheme);
      for (const tab of TABS) {
        await lab.tab(tab).click();
        await page.waitForTimeout(150);
        expect(await clipped(page), `${width} ${scheme} ${tab}`).toEqual([]);
      }
      // Every host's terminal tab is whole (the projector's rs1/rs2 were cut off).
      const tabs = page.locator('.terminal-panel [role="tab"]');
      const panel = await page.locator('.terminal-panel').boundingBox();
      for (const box of await tabs.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().right)))
        expect(box, `${width} ${scheme} terminal tab`).toBeLessThanOrEqual(panel!.x + panel!.width);
    }
  });
}

test('the panels resize by keyboard and pointer, the terminal reflows, and a reload puts them back', async ({
  lab,
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await lab.open('nat', '?paused=1');
  const events = separator(page, /event list/);
  const top = separator(page, /panels below/);
  await expect(page.getByRole('separator')).toHaveCount(3);
  const before = Number(await events.getAttribute('aria-valuenow'));
  const colsBefore = await terminalColumns(page, 'client');
  const eventsBox = async () => (await page.locator('.lab-view > .events').boundingBox())!;
  const w0 = (await eventsBox()).width;

  // Keyboard: each → widens the event list by 2 %, and the terminal beside it reflows narrower.
  await events.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(events).toHaveAttribute('aria-valuenow', String(before + 10));
  expect((await eventsBox()).width).toBeGreaterThan(w0 + 100);
  await expect.poll(() => terminalColumns(page, 'client')).toBeLessThan(colsBefore - 8);

  // Pointer: drag the row separator up; the topology row gets shorter.
  const stageH = (await page.locator('.lab-view > .stage').boundingBox())!.height;
  const sep = (await top.boundingBox())!;
  await page.mouse.move(sep.x + sep.width / 2, sep.y + sep.height / 2);
  await page.mouse.down();
  await page.mouse.move(sep.x + sep.width / 2, sep.y - 120, { steps: 5 });
  await page.mouse.up();
  const topNow = Number(await top.getAttribute('aria-valuenow'));
  expect((await page.locator('.lab-view > .stage').boundingBox())!.height).toBeLessThan(stageH - 80);

  // A reload puts both back.
  await page.reload();
  await lab.api.ready();
  await expect(events).toHaveAttribute('aria-valuenow', String(before + 10));
  await expect(top).toHaveAttribute('aria-valuenow', String(topNow));
  expect(Math.abs((await eventsBox()).width - (w0 + 0)) > 100).toBe(true);
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function seriousViolations(page: Page) {
  const r = await new AxeBuilder({ page }).exclude('.xterm-helper-textarea').analyze();
  return r.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    );
}

/** Every focusable or interactive element has a name a screen reader can say. */
async function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const sel =
      'button, a[href], input, select, textarea, [role="button"], [role="tab"], [role="slider"], [tabindex="0"]';
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(sel)) {
      if (el.closest('.xterm')) continue;
      const labelled = el.getAttribute('aria-labelledby');
      const name =
        el.getAttribute('aria-label') ??
        (labelled
          ? labelled
              .split(' ')
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ')
          : '') ??
        '';
      const viaLabel = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
      const text = el.tagName === 'SELECT' || el.tagName === 'INPUT' ? '' : (el.textContent ?? '');
      if (!`${name}${viaLabel}${text}`.trim()) out.push(el.outerHTML.slice(0, 120));
    }
    return out;
  });
}

for (const labId of ['nat', 'dr', 'tun']) {
  test(`${labId}: named controls, and axe finds nothing serious on every tab`, async ({ lab, api, page }) => {
    // Four axe runs over a full lab view: about 25 s on a shared 2-core machine.
    test.setTimeout(90_000);
    await lab.open(labId, '?paused=1');
    await api.send();
    await lab.seekToDirectorRewrite();
    for (const tab of ['Packet', 'Hooks', 'Scheduler', 'Controls']) {
      await lab.tab(tab).click();
      await page.waitForTimeout(100);
      expect(await unnamedControls(page), tab).toEqual([]);
      expect(await seriousViolations(page), tab).toEqual([]);
    }
  });
}

test('the side-by-side view: named controls, nothing serious', async ({ api, page }) => {
  await page.goto('?view=compare');
  await api.ready();
  await page.getByRole('button', { name: 'Send 10 to both' }).click();
  expect(await unnamedControls(page)).toEqual([]);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the projector scheme keeps its contrast', async ({ lab, page }) => {
  await lab.open('nat');
  await page.getByRole('combobox', { name: 'Colours' }).selectOption('projector');
  expect(await seriousViolations(page)).toEqual([]);
});

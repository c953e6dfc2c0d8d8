import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

/** nat-bottleneck: its link lands on the side-by-side view with the player, played on both labs. */
test('nat-bottleneck: lesson= opens the compare view with the player; both sides play to the end', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('?lesson=nat-bottleneck&paused=1');
  await expect(page).toHaveURL(/view=compare/);
  await expect(page.locator('.compare-view')).toBeVisible();
  const p = page.locator('.lesson-player');
  await expect(p).toHaveAttribute('data-lesson', 'nat-bottleneck');
  const live = p.locator('.lesson-live');
  const kind = () => p.locator('.lesson-step').getAttribute('data-kind');
  for (let i = 0; i < 12; i++) {
    const k = await kind();
    if (k === 'command') {
      await p.getByRole('button', { name: 'Do it for me' }).click();
      await expect(p.locator('.lesson-actions .lesson-ok')).toHaveText('Done.', { timeout: 30_000 });
    } else if (k === 'predict') {
      await p.locator('input[type=radio]').first().check();
      await p.getByRole('button', { name: 'Check my prediction' }).click();
      await expect(live).toHaveText('Right: that is what the lab did.', { timeout: 60_000 });
    } else if (k === 'check') {
      await p.getByRole('button', { name: 'Check' }).click();
      await expect(live).toHaveText('Check passed.', { timeout: 60_000 });
      break;
    }
    await p.getByRole('button', { name: 'Next' }).click();
  }
  const axe = await new AxeBuilder({ page }).include('.lesson-player').analyze();
  expect(axe.violations).toEqual([]);
});

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The current row's box inside the scroller's visible box (px; a row partly out counts as out). */
async function currentRowInView(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const sc = document.querySelector('.event-scroll')!.getBoundingClientRect();
    const row = document.querySelector('.event-row.current')?.getBoundingClientRect();
    return !!row && row.top >= sc.top - 1 && row.bottom <= sc.bottom + 1;
  });
}

test('the event list keeps the current row in view as the cursor jumps, and shows where the student scrolls', async ({
  lab,
  api,
  page,
}) => {
  test.setTimeout(90_000);
  await lab.open('nat', '?paused=1');
  for (let i = 0; i < 3; i++) await api.call('run', 'client', 'curl -s 172.16.132.18');
  const { traceLength } = await api.state();
  // Forward and back, near and far: the row at the cursor is drawn and wholly in view each time.
  for (const at of [traceLength, 5, Math.floor(traceLength / 2), Math.floor(traceLength / 2) + 3, 1]) {
    await api.seek(at);
    await expect(lab.events.locator('.event-row.current')).toHaveAttribute('data-seq', String(at - 1));
    await expect.poll(() => currentRowInView(page)).toBe(true);
  }
  // A scroll of the student's own: the rows at the new position are drawn (the list does not
  // pull back to the cursor while it stays put).
  const scroller = lab.events.locator('.event-scroll');
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect
    .poll(() =>
      scroller.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return !!document
          .elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
          ?.closest('.event-row');
      }),
    )
    .toBe(true);
  expect(await currentRowInView(page)).toBe(false);
  // …and the next move of the cursor brings its row back into view.
  await api.seek(2);
  await expect.poll(() => currentRowInView(page)).toBe(true);
});

import { expect, test } from './fixtures';

// An hour-long class in seconds: the trace bound is lowered to 16,384 events (`?traceKeep=`), so
// some 300 of the seed's loop requests already summarise the oldest chunks.
const LOOP = 'while true;do curl 172.16.132.18 ; sleep 0.5 ; done';
const LOOP_US = 150_000_000;

for (const worker of [false, true])
  test(`a long session summarises old events: one summary row, the scheduler counts them, the cursor stays after them${worker ? ' (worker)' : ''}`, async ({
    lab,
    api,
    page,
  }) => {
    test.setTimeout(120_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await lab.open('nat', `?paused=1&traceKeep=16384${worker ? '&worker=1' : ''}`);
    await lab.tab('Scheduler').click();
    await page.evaluate(
      ({ loop, us }) => window.__lvsLab!.open('nat', [{ host: 'client', command: loop, maxTimeUs: us }]),
      { loop: LOOP, us: LOOP_US },
    );
    await page.waitForFunction(() => window.__lvsLab!.state().log.length === 1, null, { timeout: 60_000 });
    const end = (await api.state()).traceLength;
    await api.seek(end);
    const kept = await page.evaluate(() => window.__lvsLab!.kept());
    expect(kept.first).toBeGreaterThan(0);
    expect(kept.summary!.events).toBe(kept.first);

    // One row stands for the summarised span, in words a screen reader reads as one note.
    const note = page.getByRole('note', { name: 'Summarised events' });
    await expect(note).toBeVisible();
    await expect(note).toContainText(`${kept.summary!.events} earlier events summarised`);
    await expect(note).toContainText(`event #${kept.first}`);
    await expect(note).toContainText(/frame\.tx \d+/);
    // The list's rows start at the first kept event.
    await expect(page.locator('.event-list .event-rows li').first()).toBeVisible();

    // The scheduler chart counts every request: the kept ones and the summarised ones.
    const decisions = kept.summary!.decisions.reduce((n, d) => n + d.count, 0);
    await expect(page.locator('.sched-summarised')).toContainText(
      `Includes ${decisions} scheduling decisions`,
    );
    const label = await page.getByRole('img', { name: /connections/ }).getAttribute('aria-label');
    const total = Number(/^(\d+) connections/.exec(label ?? '')?.[1]);
    expect(total).toBeGreaterThan(decisions);
    expect(total).toBeGreaterThanOrEqual(290);

    // The scrubber says where the summarised span ends.
    await expect(page.getByRole('slider', { name: 'Position in the trace' })).toHaveAttribute(
      'aria-valuetext',
      new RegExp(`events before #${kept.first} summarised`),
    );
    // The cursor cannot go back into the summarised span.
    await api.seek(0);
    expect((await api.state()).cursor).toBe(kept.first);
    await expect(note).toBeVisible();

    // In Chinese too.
    await page.evaluate(() => window.__lvsLab!.setLanguage('zh-CN'));
    await expect(page.getByRole('note', { name: '已汇总的事件' })).toContainText(
      `较早的 ${kept.summary!.events} 个事件已汇总`,
    );
    expect(errors).toEqual([]);
  });

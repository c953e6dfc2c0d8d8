import { expect, test } from './fixtures';

/**
 * A runaway command typed into a terminal must not freeze the page: once the lab is interactive
 * a long-task observer sees no main-thread task over 500 ms while it runs, and Ctrl-C shows `^C`
 * within a second (issue 11's bounds for a shared, noisy CI machine; its goals, 50 ms and
 * 100 ms, are what `npm run bench:ui` reports against). The session runs in its Web Worker
 * (`worker=1`, as in the hosted app); terminal output reaches xterm a bounded piece per frame
 * (characters and lines), and Ctrl-C echoes `^C` ahead of the output still queued. The
 * output-heavy commands (`seq 1 1000000`, `yes`) are held to the same bounds as the busy loops.
 */
const RUNAWAYS = ['while true; do :; done', 'until false; do sleep 0; done', 'seq 1 1000000', 'yes'];

for (const command of RUNAWAYS) {
  test(`"${command}" keeps the page responsive and stops on Ctrl-C`, async ({ lab, page }) => {
    await lab.open('nat', '?paused=1&worker=1');
    await page.getByRole('tab', { name: 'client', exact: true }).click();
    const term = page.locator('.host-terminal[data-host="client"]');
    const rows = term.locator('.xterm-rows');
    await expect(rows).toContainText('[root@client ~]#');
    await term.locator('.xterm-screen').click();
    await page.keyboard.type(command);
    await expect(rows).toContainText(command);
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask' });
    });
    await page.keyboard.press('Enter');
    await page.waitForTimeout(3000);
    // Ctrl-C: from the key press to `^C` on screen, timed in the page.
    const latency = await page.evaluate(async () => {
      const screen = document.querySelector('.host-terminal[data-host="client"] .xterm-rows') as HTMLElement;
      const before = (screen.innerText.match(/\^C/g) ?? []).length;
      const t0 = performance.now();
      const area = document.querySelector(
        '.host-terminal[data-host="client"] textarea',
      ) as HTMLTextAreaElement;
      area.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'c', code: 'KeyC', ctrlKey: true, keyCode: 67, bubbles: true }),
      );
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        if ((screen.innerText.match(/\^C/g) ?? []).length > before) return performance.now() - t0;
        if (performance.now() - t0 > 10_000) return Infinity;
      }
    });
    const tasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
    console.warn(
      `${command}: Ctrl-C ${latency.toFixed(0)} ms; long tasks ${tasks.length}, max ${Math.max(0, ...tasks).toFixed(0)} ms`,
    );
    expect(latency).toBeLessThan(1000);
    expect(Math.max(0, ...tasks)).toBeLessThan(500);
    await expect(rows).toContainText('[root@client ~]#');
  });
}

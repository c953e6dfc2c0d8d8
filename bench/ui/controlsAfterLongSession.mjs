// Issue 11, "Ctrl-C and every control take effect within 100 ms", after a long session (`ab -n
// 300`: ~50,000 trace events): for each playback control, the time from the click to the cursor
// having moved and a frame drawn (median of 3), and the longest main-thread task it caused (CPU
// time from a Chrome trace, which the machine's load does not inflate as it does wall time).
// TRACE_GC=1 adds V8's GC events to the trace; SPLIT=1 prints what a task over 40 ms did.
import { mainTaskCpu, printBigTasks, startTrace } from './cpuPerFrame.mjs';
import { typeLongCommand } from './longSessionPage.mjs';

/** Each control: the button's accessible name, or a point on the scrubber (fraction of its width). */
const CONTROLS = [
  ['scrub to 30%', 0.3],
  ['Step back', null],
  ['Step forward', null],
  ['scrub to 80%', 0.8],
  ['Go to the start', null],
  ['Go to the end', null],
];

export async function controlsAfterLongSession(browser, base, requests = 300) {
  const { ctx, page, rows } = await typeLongCommand(browser, base, requests);
  await page.keyboard.press('Enter');
  await rows.getByText(`Finished ${requests} requests`).waitFor({ timeout: 900_000 });
  await page.waitForTimeout(3000);
  const events = await page.evaluate(() => window.__lvsLab.state().traceLength);
  const out = [];
  for (const [name, at] of CONTROLS) {
    const latencies = [];
    let cpu = 0;
    for (let run = 0; run < 3; run++) {
      // From a cursor the control moves: the middle for the buttons, the start for the scrubber.
      await page.evaluate((c) => window.__lvsLab.seek(c), at === null ? Math.floor(events / 2) : 0);
      await page.waitForTimeout(800);
      const tracing = run === 0 ? await startTrace(ctx, page) : undefined;
      latencies.push(
        await page.evaluate(
          async ([name, at]) => {
            // What the user sees move: the scrubber's position (the store's cursor drawn).
            const scrubber = document.querySelector('.playback-bar .scrubber');
            const before = scrubber.value;
            const t0 = performance.now();
            if (at === null) document.querySelector(`.playback-bar button[aria-label="${name}"]`).click();
            else {
              const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
              set.call(scrubber, String(Math.round(Number(scrubber.max) * at)));
              scrubber.dispatchEvent(new Event('input', { bubbles: true }));
            }
            for (;;) {
              await new Promise((r) => requestAnimationFrame(r));
              if (scrubber.value !== before) return performance.now() - t0;
              if (performance.now() - t0 > 10_000) return Infinity;
            }
          },
          [name, at],
        ),
      );
      await page.waitForTimeout(1500);
      if (tracing) {
        const trace = await tracing.stop();
        cpu = Math.max(0, ...mainTaskCpu(trace));
        if (process.env.SPLIT) printBigTasks(trace, 40_000);
      }
    }
    out.push({ name, latencies, cpu });
  }
  await ctx.close();
  return { events, controls: out };
}

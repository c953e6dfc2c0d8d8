// The page letting go of old trace detail in a long session (issue 10 item 5, issue 11 item 2):
// the longest main-thread task (CPU thread time, from a Chrome trace) after each seek forward
// that made the mirror let go of a step of events, against the seeks that did not. Each step
// hands the views a new trace object; they used to rebuild from the first kept event.
// `?traceKeep=KEEP` (default 16,384) and one `ab` run of REQUESTS requests, then seeks forward
// of SEEK events each until the end. `probe(ctx, page)` may return { start(), stop() } run
// around each seek (a profiler); what stop() gives for the let-go seeks is returned as `probed`.
// LETGO_LOG=1 prints each seek's longest task, LETGO_SPLIT=ms what each task over that much did
// (a major GC, layout, script) and when it started after the seek.
import { mainTaskCpu, printBigTasks, startTrace } from './cpuPerFrame.mjs';

export async function letGoSteps(browser, base, { keep = 16384, requests = 600, seek = 1500, probe } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}?lab=nat&paused=1&traceKeep=${keep}`);
  await page.waitForFunction(() => window.__lvsLab?.ready === true);
  const length = await page.evaluate((n) => {
    const a = window.__lvsLab;
    a.run('client', `ab -n ${n} -c 10 http://172.16.132.18/`);
    return a.state().traceLength;
  }, requests);
  await page.evaluate(() => window.__lvsLab.seek(window.__lvsLab.kept().first));
  await page.waitForTimeout(1500);
  const around = probe ? await probe(ctx, page) : undefined;
  const steps = [];
  const others = [];
  const probed = [];
  for (;;) {
    const before = await page.evaluate(() => ({
      ...window.__lvsLab.kept(),
      cursor: window.__lvsLab.state().cursor,
    }));
    if (before.cursor >= length) break;
    const tracing = around ? undefined : await startTrace(ctx, page);
    await around?.start();
    await page.evaluate(
      (n) =>
        new Promise((resolve) => {
          console.timeStamp('seek');
          window.__lvsLab.seek(window.__lvsLab.state().cursor + n);
          // The settled views (event list, inspector) follow within a few frames.
          setTimeout(resolve, 700);
        }),
      seek,
    );
    const got = await around?.stop();
    const trace = tracing ? await tracing.stop() : [];
    const cpu = Math.max(0, ...mainTaskCpu(trace));
    // LETGO_SPLIT=ms: what each task over that much CPU did.
    if (process.env.LETGO_SPLIT) printBigTasks(trace, Number(process.env.LETGO_SPLIT) * 1000);
    const first = await page.evaluate(() => window.__lvsLab.kept().first);
    (first !== before.first ? steps : others).push(cpu);
    if (process.env.LETGO_LOG)
      console.log(
        `  seek from ${before.cursor} (first kept ${before.first} -> ${first}): ${cpu.toFixed(1)} ms`,
      );
    // LETGO_PROBE=first: the first seek's profile instead (the cold views' first look at the trace).
    const probeFirst = process.env.LETGO_PROBE === 'first';
    if (got && (probeFirst ? before.cursor === 0 : first !== before.first)) probed.push(got);
  }
  await ctx.close();
  return { length, steps, others, probed };
}

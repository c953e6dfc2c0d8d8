// Reload of a lab with a long log → its topology drawn: first from the lab's data (while the
// saved log replays), and the live topology the engine draws once the replay is done.
const MARK = () => {
  const marks = [
    ['__drawnAt', '[data-topology-drawn] .host'],
    ['__liveAt', '[data-topology-drawn="engine"] .host'],
  ];
  new MutationObserver((_, obs) => {
    for (const [key, sel] of marks)
      if (window[key] === undefined && document.querySelector(sel)) window[key] = performance.now();
    if (marks.every(([key]) => window[key] !== undefined)) obs.disconnect();
  }).observe(document, { childList: true, subtree: true });
};

/**
 * A lab of `requests` requests (one `send`), then `runs` reloads: ms to the first and the live
 * drawing. `worker`: the session in its Web Worker, as the hosted app runs it (the test build
 * keeps it in the page unless asked).
 */
export async function reloadToTopology(browser, base, { requests = 500, runs = 3, worker = false } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}?lab=nat&paused=1${worker ? '&worker=1' : ''}`);
  await page.waitForFunction(() => window.__lvsLab?.ready);
  await page.evaluate((n) => window.__lvsLab.send(n), requests);
  // From the worker the command's result comes a task (or many) later.
  await page.waitForFunction(() => window.__lvsLab.state().log.length > 0, null, { timeout: 120_000 });
  const log = await page.evaluate(() => window.__lvsLab.state().log.length);
  // The address bar follows the lab after a debounce; the saved work is flushed as the page hides.
  await page.waitForFunction(() => location.hash.includes('state='), null, { timeout: 30_000 });
  await page.waitForTimeout(1000);
  await page.addInitScript(MARK);
  const out = [];
  for (let i = 0; i < runs; i++) {
    await page.reload();
    await page.waitForFunction(() => window.__liveAt !== undefined, null, { timeout: 120_000 });
    out.push(await page.evaluate(() => ({ drawn: window.__drawnAt, live: window.__liveAt })));
  }
  // The live topology can be drawn before the test API is installed (the session in the page).
  await page.waitForFunction(() => window.__lvsLab?.ready === true, null, { timeout: 120_000 });
  const trace = await page.evaluate(() => window.__lvsLab.state().traceLength);
  await ctx.close();
  return { runs: out, log, trace };
}

// Navigation → topology drawn (an SVG marked [data-topology-drawn], from the lab's data or from the
// engine), optionally with the CPU throttled through the DevTools protocol, and the scripts the
// page had fetched by then.
const DRAWN = (selector) => {
  new MutationObserver((_, obs) => {
    if (document.querySelector(selector)) {
      window.__drawnAt = performance.now();
      window.__scriptsAtDraw = performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js') && r.responseEnd <= window.__drawnAt)
        .map((r) => new URL(r.name).pathname);
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
  // The page's first paint is the topology's (nothing contentful is drawn before it): the time it
  // reached the screen, layout and text shaping (a first Chinese glyph's font lookup) included.
  new PerformanceObserver((list) => {
    const fcp = list.getEntriesByName('first-contentful-paint')[0];
    if (fcp) window.__paintedAt = fcp.startTime;
  }).observe({ type: 'paint', buffered: true });
};

/**
 * `runs` loads of `url`; each gives the time the topology appeared (`ms`: its element is in the
 * page; `painted`: the page's first contentful paint) and the scripts fetched by then.
 * `hold` (a RegExp over script paths) keeps those scripts from arriving until the topology is
 * drawn: the page must draw without them, and the scripts it fetched by then are its true path.
 * `selector` says what counts as drawn (default: either drawing, from lab data or from the engine).
 */
export async function timeToTopology(
  browser,
  url,
  { runs = 5, throttle = 1, hold, selector = '[data-topology-drawn] .host' } = {},
) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    if (throttle > 1) {
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    let release = () => {};
    const drawn = new Promise((r) => (release = r));
    if (hold)
      await page.route(hold, async (route) => {
        await drawn;
        await route.continue().catch(() => {});
      });
    await page.addInitScript(DRAWN, selector);
    await page.goto(url);
    await page.waitForFunction(() => window.__drawnAt !== undefined, null, { timeout: 60_000 });
    release();
    await page.waitForFunction(() => window.__paintedAt !== undefined, null, { timeout: 60_000 });
    out.push(
      await page.evaluate(() => ({
        ms: window.__drawnAt,
        painted: window.__paintedAt,
        scripts: window.__scriptsAtDraw,
      })),
    );
    await ctx.close();
  }
  return out;
}

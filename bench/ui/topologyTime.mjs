// Navigation → topology drawn (the first host card in the SVG), optionally with the CPU
// throttled through the DevTools protocol, and the scripts the page had fetched by then.
const DRAWN = () => {
  new MutationObserver((_, obs) => {
    if (document.querySelector('.topology-svg .host')) {
      window.__drawnAt = performance.now();
      window.__scriptsAtDraw = performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js') && r.responseEnd <= window.__drawnAt)
        .map((r) => new URL(r.name).pathname);
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

/** `runs` loads of `url`; each gives the time the topology appeared and the scripts fetched by then. */
export async function timeToTopology(browser, url, { runs = 5, throttle = 1 } = {}) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await ctx.newPage();
    if (throttle > 1) {
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    }
    await page.addInitScript(DRAWN);
    await page.goto(url);
    await page.waitForFunction(() => window.__drawnAt !== undefined, null, { timeout: 60_000 });
    out.push(await page.evaluate(() => ({ ms: window.__drawnAt, scripts: window.__scriptsAtDraw })));
    await ctx.close();
  }
  return out;
}

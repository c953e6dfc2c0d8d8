// Act in the past at 500 requests: a lab of 500 curl commands, the cursor moved back before
// the last few, a new command typed there (the log forks). Timed until the new log is in, first
// at once (no spare runtime built yet: a replay from 0, as before checkpoints) and then after
// idle time (the nearest checkpoint's spare replays only the rest).
const VIP = '172.16.132.18';

async function forkAt(page, keep, cursor) {
  return page.evaluate(
    async ({ keep, cursor, vip }) => {
      const a = window.__lvsLab;
      a.seek(cursor);
      const t0 = performance.now();
      try {
        a.run('client', `curl -s ${vip}`);
      } catch {
        // A fork that needs more than one chunk has no result yet; the log tells when it is in.
      }
      while (a.state().log.length !== keep + 1) await new Promise((r) => setTimeout(r, 0));
      return performance.now() - t0;
    },
    { keep, cursor, vip: VIP },
  );
}

export async function forkFigures(browser, base, { requests = 500, runs = 3, idleMs = 12_000 } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}?lab=nat&paused=1`);
  await page.waitForFunction(() => window.__lvsLab?.ready);
  const starts = await page.evaluate(
    ({ n, vip }) => {
      const a = window.__lvsLab;
      const out = [];
      for (let i = 0; i < n; i++) out.push(a.run('client', `curl -s ${vip}`).traceFrom);
      return out;
    },
    { n: requests, vip: VIP },
  );
  // Before each fork the log is one command past `keep`: fork back by one more each time.
  let keep = requests - 10;
  const cold = await forkAt(page, keep, starts[keep]);
  const warm = [];
  for (let i = 0; i < runs; i++) {
    await page.waitForTimeout(idleMs);
    keep -= 1;
    warm.push(await forkAt(page, keep, starts[keep]));
  }
  await ctx.close();
  return { cold, warm };
}

// Act in the past at 500 requests, on the hosted app's path (the session in its Web Worker): a
// lab of 500 `curl` commands, the cursor moved back to an early command (and drawn there), a new
// command typed there (the log forks). Timed from the typing to the next frame drawn after the store took the
// new log. The probe checks that it measured a fork from the nearest checkpoint: the log was cut
// where the cursor was, the session's last replay started from a spare runtime at the nearest
// ready checkpoint at or before that point, and it ran only the commands in between.
const VIP = '172.16.132.18';

/** Wait until the session built every spare it plans (in idle time, after the replay). */
async function settled(page) {
  await page.waitForFunction(() => window.__lvsLab.session().checkpoints.pending === 0, null, {
    timeout: 180_000,
    polling: 100,
  });
}

/** One fork: the new command typed with the cursor at the start of command `keep`. */
async function forkAt(page, keep, around) {
  // The cursor is where the student clicked before typing: its frame is drawn, not timed.
  await page.evaluate(async (keep) => {
    const a = window.__lvsLab;
    a.seek(a.results()[keep].traceFrom);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))));
  }, keep);
  await around?.start(page);
  const r = await page.evaluate(
    async ({ keep, vip }) => {
      const a = window.__lvsLab;
      const ready = a.session().checkpoints.ready;
      const before = a.state().revision;
      // Marks for a trace of the fork (profileFork.mjs): CPU per thread between them.
      console.timeStamp('lvs-fork-typed');
      const t0 = performance.now();
      a.type('client', `curl -s ${vip}`);
      // Woken by the store, not by polling: a probe's own work would be counted as the fork's.
      for (let seen = before; ;) {
        const s = await a.revisionAfter(seen);
        if (s.log === keep + 1) break;
        seen = s.revision;
      }
      // The frame that shows the new state: after its rendering (a task after the rAF callback).
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const ms = performance.now() - t0;
      console.timeStamp('lvs-fork-drawn');
      const s = a.state();
      const last = a.results()[keep];
      return { ms, ready, stats: a.session().lastReplay, log: s.log.length, trace: s.traceLength, last };
    },
    { keep, vip: VIP },
  );
  if (around) r.look = await around.stop(page);
  return r;
}

function check(r, keep) {
  const nearest = Math.max(0, ...r.ready.filter((p) => p <= keep));
  const fail = (why) => {
    throw new Error(`act-in-the-past probe: ${why} (${JSON.stringify(r)})`);
  };
  if (r.log !== keep + 1) fail(`the log was not cut at ${keep}`);
  if (!r.last || r.last.traceTo <= r.last.traceFrom) fail('the new command has no events');
  if (!r.stats) fail('no replay was made');
  if (r.stats.from !== nearest)
    fail(`the fork started at ${r.stats.from}, not the nearest checkpoint ${nearest}`);
  if (r.ready.includes(nearest) !== r.stats.spare) fail('the spare at the checkpoint was not used');
  if (r.stats.ran !== keep - nearest)
    fail(`the fork replayed ${r.stats.ran} commands, not ${keep - nearest}`);
}

/**
 * `runs` forks, each in a fresh 500-request log at an early command; ms of each and what they
 * replayed. `around` (profileFork.mjs): `start(page)` before the fork is typed, `stop(page)` after
 * its frame; what `stop` resolves to is each run's `look`.
 */
export async function forkFigures(
  browser,
  base,
  { requests = 500, runs = 5, keeps = [100, 90, 110, 80, 120], around } = {},
) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}?lab=nat&paused=1&worker=1`);
  await page.waitForFunction(() => window.__lvsLab?.ready);
  const out = [];
  for (let i = 0; i < runs; i++) {
    const keep = keeps[i % keeps.length];
    await page.evaluate(
      ({ n, vip }) =>
        window.__lvsLab.open(
          'nat',
          Array.from({ length: n }, () => ({ host: 'client', command: `curl -s ${vip}` })),
        ),
      { n: requests, vip: VIP },
    );
    await page.waitForFunction((n) => window.__lvsLab.state().log.length === n, requests, {
      timeout: 120_000,
    });
    await settled(page);
    const r = await forkAt(page, keep, around);
    check(r, keep);
    out.push({ ms: r.ms, keep, from: r.stats.from, ran: r.stats.ran, ready: r.ready, look: r.look });
  }
  await ctx.close();
  return out;
}

// Issue 12's report (no goal yet): main-thread CPU per animation frame while the client's `ab`
// holds 50 connections open and playback runs. The NAT lab runs `ab -n 2000 -c 50`; the bench
// seeks to where the client first has 50 TCP connections open, presses play, and takes the CPU
// of the frames drawn while playing (cpuPerFrame.mjs), with the open-connection count at the
// sim times the measured frames covered, so the figure says what it measured.
import { cpuPerFrame, startTrace } from './cpuPerFrame.mjs';

export const AB_FIXTURE = { lab: 'nat', host: 'client', command: 'ab -n 2000 -c 50 http://172.16.132.18/' };

/**
 * States (the engine's ss names) in which the application still holds the connection: after its
 * close() a socket lingers in LAST-ACK, FIN-WAIT-* or TIME-WAIT while ab already opened the next.
 */
const HELD = new Set(['SYN-SENT', 'SYN-RECV', 'ESTAB', 'CLOSE-WAIT']);

/** The host's connections its applications hold (connect called, close not yet) over sim time: [t, n] steps. */
export function openConnections(trace, host) {
  const steps = [];
  let n = 0;
  for (const e of trace) {
    if (e.kind !== 'sock' || e.host !== host) continue;
    const was = HELD.has(e.from);
    const is = HELD.has(e.to);
    if (was !== is) steps.push([e.t, (n += is ? 1 : -1)]);
  }
  return steps;
}

const openAt = (steps, t) => {
  let n = 0;
  for (const [st, v] of steps) if (st <= t) n = v;
  return n;
};

/** Seek to 50 open, play, and time `frames` animation frames; CPU per frame and the sim span. */
export async function abPlaybackWork(browser, testBase, frames = 300) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await ctx.newPage();
    await page.goto(`${testBase}?lab=${AB_FIXTURE.lab}&paused=1`);
    await page.waitForFunction(() => window.__lvsLab?.ready);
    const run = await page.evaluate((f) => {
      const a = window.__lvsLab;
      a.load(f.lab);
      return a.run(f.host, f.command);
    }, AB_FIXTURE);
    if (run.exit !== 0 || !/Complete requests: +2000/.test(run.stdout))
      throw new Error(`ab failed: ${run.stdout}`);
    const trace = await page.evaluate(() =>
      window.__lvsLab
        .trace()
        .filter((e) => e.kind === 'sock')
        .map(({ kind, host, from, to, t }) => ({ kind, host, from, to, t })),
    );
    const steps = openConnections(trace, AB_FIXTURE.host);
    const peak = Math.max(...steps.map(([, v]) => v));
    const first = steps.find(([, v]) => v === peak)[0];
    await page.evaluate((t) => window.__lvsLab.seekTime(t), first + 1);
    const tracing = await startTrace(ctx, page);
    const span = await page.evaluate(
      (want) =>
        new Promise((resolve) => {
          const a = window.__lvsLab;
          const t0 = a.state().simTime;
          a.play();
          let n = 0;
          const tick = () => {
            if (++n < want + 10) requestAnimationFrame(tick);
            else {
              const t1 = a.state().simTime;
              const playing = a.state().playing;
              a.pause();
              resolve({ t0, t1, playing });
            }
          };
          requestAnimationFrame(tick);
        }),
      frames,
    );
    const events = await tracing.stop();
    const cpu = cpuPerFrame(events).slice(10);
    const covered = steps.filter(([t]) => t > span.t0 && t <= span.t1).map(([, v]) => v);
    const open = [openAt(steps, span.t0), ...covered, openAt(steps, span.t1)];
    return { cpu, span, peak, open: [Math.min(...open), Math.max(...open)] };
  } finally {
    await ctx.close();
  }
}

// Main-thread work per animation frame while the seed's live loop runs in a lab whose log
// already holds 5,000 of its requests. The NAT lab runs `while true;do curl VIP ; sleep 0.5 ; done`
// for 5,000 rounds' worth of virtual time in one logged command (as a Ctrl-C'd loop is logged),
// then the same loop is typed again and runs live with playback, from the end of the trace; the
// bench times the frames drawn while it plays (cpuPerFrame.mjs).
import { cpuPerFrame, startTrace } from './cpuPerFrame.mjs';

export const LOOP = 'while true;do curl 172.16.132.18 ; sleep 0.5 ; done';
/** The loop asks every 0.504 s of virtual time (docs/virtual-cpu-time.md); a little over 5,000. */
const ROUND_US = 504_000;

/** A NAT lab with `requests` loop requests logged, then the loop live: CPU per frame over `frames` frames. */
export async function liveLoopWork(
  browser,
  testBase,
  {
    requests = 5000,
    frames = 320,
    keepEvents = false,
    beforeLive = async () => {},
    afterLive = async () => undefined,
  } = {},
) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await ctx.newPage();
    await page.goto(`${testBase}?lab=nat&paused=1`);
    await page.waitForFunction(() => window.__lvsLab?.ready);
    const built = performance.now();
    const logged = await page.evaluate(
      ({ loop, us }) => {
        const a = window.__lvsLab;
        a.load('nat');
        const r = a.run('client', loop, us);
        const n = a.state().traceLength;
        a.seek(n);
        return { answers: (r.stdout.match(/rs\d/g) ?? []).length, events: n };
      },
      { loop: LOOP, us: requests * ROUND_US + 100_000 },
    );
    const buildMs = performance.now() - built;
    if (logged.answers < requests)
      throw new Error(`the loop answered ${logged.answers} times, not ${requests}`);
    await beforeLive(ctx, page);
    await page.evaluate((loop) => window.__lvsLab.live('client', loop), LOOP);
    await page.waitForFunction(() => window.__lvsLab.state().playing);
    const tracing = await startTrace(ctx, page);
    const span = await page.evaluate(
      (want) =>
        new Promise((resolve) => {
          const a = window.__lvsLab;
          const t0 = a.state().simTime;
          let n = 0;
          const tick = () => {
            if (++n < want + 10) requestAnimationFrame(tick);
            else {
              const s = a.state();
              a.interrupt();
              resolve({ t0, t1: s.simTime, playing: s.playing, events: s.traceLength });
            }
          };
          requestAnimationFrame(tick);
        }),
      frames,
    );
    const events = await tracing.stop();
    const profile = await afterLive();
    if (!span.playing) throw new Error('the live loop stopped playing during the measurement');
    return {
      cpu: cpuPerFrame(events).slice(10),
      logged,
      span,
      buildMs,
      ...(keepEvents ? { events, profile } : {}),
    };
  } finally {
    await ctx.close();
  }
}

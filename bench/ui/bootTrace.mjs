// Where a first load's time goes, from Chrome traces: paired loads of the 100-command share link
// in English and in Chinese, one of each in turn (a median of five loads in a row moves by ±150 ms
// on a loaded machine, more than the gap between them). Per load: the page's main-thread CPU until
// the topology's element is in the page and from there to the first paint (the events' thread
// time, `tdur`: what the load of the machine barely moves), the first layout, and when the
// Chinese catalog arrived against the end of the entry's evaluation (the sketch waits for both).
//   node bench/ui/bootTrace.mjs [rounds]   (from a build's directory; BENCH_PORT, default 4179)
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startStaticServer } from '../../e2e/support/staticServer.mjs';
import { median } from './report.mjs';
import { hundredCommandLink } from './shareLink.mjs';

const ROUNDS = Number(process.argv[2] ?? 6);
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const CATEGORIES = [
  'devtools.timeline',
  'v8',
  'v8.execute',
  'blink',
  'blink.user_timing',
  'loading',
  'toplevel',
];
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const MARK = () => {
  new MutationObserver((_, obs) => {
    if (!document.querySelector('[data-topology-drawn] .host')) return;
    window.__drawnAt = performance.now();
    performance.mark('topology-drawn');
    obs.disconnect();
  }).observe(document, { childList: true, subtree: true });
};

/** The milestones of one load, in ms from navigation, from its trace. */
function milestones(events, drawnAt) {
  const mark = events.find((e) => e.name === 'topology-drawn');
  const pid = mark.pid;
  const main = events.find(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args.name === 'CrRendererMain',
  ).tid;
  const t0 = mark.ts - drawnAt * 1000;
  const ms = (t) => (t === undefined ? undefined : Math.round((t - t0) / 1000));
  const file = {};
  for (const e of events)
    if (e.name === 'ResourceSendRequest' && e.pid === pid)
      file[e.args.data.requestId] = e.args.data.url.replace(/.*\//, '').replace(/-[\w-]+\.js$/, '');
  const finished = (f) =>
    events.find((e) => e.name === 'ResourceFinish' && e.pid === pid && file[e.args.data.requestId] === f)?.ts;
  const onMain = events.filter((e) => e.pid === pid && e.tid === main && e.ph === 'X');
  const entry = onMain.filter((e) => e.name === 'v8.evaluateModule').sort((a, b) => b.dur - a.dur)[0];
  const paint = onMain.filter((e) => e.name === 'Paint' && e.ts > mark.ts).sort((a, b) => a.ts - b.ts)[0];
  const paintEnd = paint ? paint.ts + paint.dur : mark.ts;
  const tasks = onMain.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.tdur !== undefined);
  const cpu = (keep) => Math.round(tasks.filter(keep).reduce((a, e) => a + e.tdur, 0) / 1000);
  return {
    drawn: Math.round(drawnAt),
    painted: ms(paintEnd),
    cpuToDraw: cpu((e) => e.ts + e.dur >= t0 && e.ts <= mark.ts),
    cpuToPaint: cpu((e) => e.ts > mark.ts && e.ts < paintEnd),
    layout: Math.round(
      onMain
        .filter((e) => e.name === 'Layout' && e.ts > mark.ts && e.ts < paintEnd)
        .reduce((a, e) => a + e.dur, 0) / 1000,
    ),
    entryEvaluated: ms(entry && entry.ts + entry.dur),
    chineseArrived: ms(finished('zh')),
  };
}

const server = await startStaticServer({
  port: PORT,
  host: '127.0.0.1',
  mounts: [
    { prefix: '/course/lvs/', dir: `${process.cwd()}/dist/app` },
    { prefix: '/test/', dir: `${process.cwd()}/dist/test` },
  ],
});
const browser = await chromium.launch({ executablePath });
try {
  const hash = await hundredCommandLink(browser, `${ORIGIN}/test/`);
  const runs = { en: [], 'zh-CN': [] };
  for (let r = 0; r < ROUNDS; r++)
    for (const lang of r % 2 ? ['zh-CN', 'en'] : ['en', 'zh-CN']) {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await ctx.newPage();
      await page.addInitScript(MARK);
      await browser.startTracing(page, { categories: CATEGORIES });
      await page.goto(`${ORIGIN}/course/lvs/?lab=nat&lang=${lang}${hash}`);
      await page.waitForFunction(() => window.__drawnAt !== undefined, null, { timeout: 60_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
      const drawnAt = await page.evaluate(() => window.__drawnAt);
      const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
      await ctx.close();
      runs[lang].push(milestones(traceEvents, drawnAt));
    }
  console.log(`Boot traces of the 100-command share link, ${ROUNDS} paired loads (medians, ms)`);
  for (const [lang, list] of Object.entries(runs)) {
    const m = (f) => median(list.map((x) => x[f]).filter((v) => v !== undefined)).toFixed(0);
    const wait = list.map((x) => Math.max(0, (x.chineseArrived ?? 0) - x.entryEvaluated));
    console.log(
      `  ${lang}: drawn ${m('drawn')}, painted ${m('painted')}; main-thread CPU to the draw ${m('cpuToDraw')}, ` +
        `draw to paint ${m('cpuToPaint')} (first layout ${m('layout')} wall)` +
        (lang === 'en' ? '' : `; waited for its catalog after the entry: ${wait.join(', ')}`),
    );
  }
} finally {
  await browser.close();
  server.close();
}

// What the frames bench's tail is made of (a look, not a figure): the page's main-thread tasks
// split into those that hold an animation frame (the clock's move, the canvas, style, layout,
// paint) and the others over 0.8 ms (mostly the settled views' updates, one a frame: event
// list, inspector, host cards), with the views each renders and their sampled inclusive time.
//   npx vite build --mode test --minify false --outDir dist/prof
//   node bench/ui/settledTasks.mjs [dir=dist/prof]   (TARGET=200|500 frames in flight)
import { profileBrowser } from './profileBrowser.mjs';
import { frameWork, openFixture } from './frameWork.mjs';
import { onMainThread } from './cpuPerFrame.mjs';
const { browser, base, close } = await profileBrowser(process.argv[2] ?? 'dist/prof');
try {
  const fx = await openFixture(browser, base);
  const cdp = await fx.ctx.newCDPSession(fx.page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const r = await frameWork(fx.page, fx.trace, Number(process.env.TARGET ?? 500), 330, true);
  const { profile } = await cdp.send('Profiler.stop');
  const ev = r.events;
  const isMain = onMainThread(ev);
  const rafs = ev.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && isMain(e));
  const { pid, tid } = rafs[0];
  const mine = ev
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const tops = [];
  for (const e of mine)
    if (['RunTask', 'ThreadControllerImpl::RunTask'].includes(e.name)) {
      const o = tops.at(-1);
      if (!o || e.ts >= o.ts + o.dur) tops.push(e);
    }
  const hasRaf = (t) => rafs.some((x) => x.ts >= t.ts && x.ts < t.ts + t.dur);
  const tasks = tops.filter((t) => t.tdur > 800 && !hasRaf(t)).map((t) => ({ t, incl: new Map() }));
  const tasksR = tops.filter((t) => hasRaf(t)).map((t) => ({ t, incl: new Map() }));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let ts = profile.startTime;
  const all = [...tasks, ...tasksR].sort((a, b) => a.t.ts - b.t.ts);
  let k = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    ts += profile.timeDeltas[i];
    while (k < all.length && all[k].t.ts + all[k].t.dur < ts) k++;
    const task = all[k];
    if (!task || ts < task.t.ts) continue;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const name = byId.get(id).callFrame.functionName;
      if (!/^[A-Z][a-z]/.test(name) || seen.has(name)) continue;
      seen.add(name);
      task.incl.set(name, (task.incl.get(name) ?? 0) + dt);
    }
  }
  const sum = (list, label) => {
    const agg = new Map();
    for (const x of list)
      for (const [n, us] of x.incl) {
        const a = agg.get(n) ?? { n: 0, us: 0 };
        a.n++;
        a.us += us;
        agg.set(n, a);
      }
    console.log(
      `${label}: ${list.length} tasks, mean thread time ${(list.reduce((s, x) => s + x.t.tdur, 0) / list.length / 1000).toFixed(2)} ms`,
    );
    for (const [n, a] of [...agg].sort((x, y) => y[1].us - x[1].us).slice(0, 14))
      console.log(
        `   ${n.padEnd(26)} in ${String(a.n).padStart(3)} tasks, ${(a.us / a.n / 1000).toFixed(2)} ms each, ${(a.us / 1000).toFixed(0)} ms total`,
      );
  };
  sum(tasks, 'non-rAF tasks > 0.8 ms');
  sum(tasksR, 'rAF tasks');
} finally {
  await close();
}

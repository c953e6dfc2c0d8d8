// What runs in the main thread's long tasks while a runaway command floods a terminal (a look,
// not a figure): the longest tasks split by trace event (script, style, layout, paint, GC) and
// the JavaScript functions with the most sampled self time inside long tasks. Readable build:
//   npx vite build --mode test --minify false --outDir dist/prof
//   node bench/ui/profileRunaway.mjs ['yes'] [runMs=3000] [dir=dist/prof]
import { profileBrowser } from './profileBrowser.mjs';
import { selfTimes, startTrace } from './cpuPerFrame.mjs';

const command = process.argv[2] ?? 'yes';
const runMs = Number(process.argv[3] ?? 3000);
const dir = process.argv[4] ?? 'dist/prof';
const LONG_US = 50_000;
// CPU_MS=n: pick tasks by their CPU (thread) time instead, which a loaded machine does not inflate.
const CPU_US = Number(process.env.CPU_MS ?? 0) * 1000;

const { browser, base, close } = await profileBrowser(dir);
try {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}?lab=nat&paused=1&worker=1`);
  await page.waitForFunction(() => window.__lvsLab?.ready === true);
  // SPEED=n: playback at that speed (the command advances with playback, as a user watches it).
  if (process.env.SPEED) await page.getByRole('combobox', { name: 'Speed' }).selectOption(process.env.SPEED);
  await page.getByRole('tab', { name: 'client', exact: true }).click();
  await page.locator('.host-terminal[data-host="client"] .xterm-screen').click();
  await page.keyboard.type(command);
  // PROFILE=0: the trace split only (the sampling profiler slows every task down).
  const sample = process.env.PROFILE !== '0';
  const cdp = await ctx.newCDPSession(page);
  if (sample) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  const tracing = await startTrace(ctx, page);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(runMs);
  await page.keyboard.press('Control+C');
  await page.waitForTimeout(500);
  const events = await tracing.stop();
  const profile = sample ? (await cdp.send('Profiler.stop')).profile : undefined;
  if (process.env.THREADS) printThreadBusy(events);
  if (process.env.SPLIT) printMainSplit(events);
  const tasks = longTasks(events);
  console.log(`"${command}": ${tasks.length} tasks over ${LONG_US / 1000} ms`);
  for (const t of [...tasks].sort((a, b) => (b.tdur ?? b.dur) - (a.tdur ?? a.dur)).slice(0, 6)) {
    printSplit(events, t);
    if (profile) printSelfTimes(profile, [t], 6, true);
  }
  if (profile) printSelfTimes(profile, tasks, 30);
} finally {
  await close();
}

/** Top-level tasks of the renderer's main thread longer than LONG_US (wall time). */
function longTasks(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  return events.filter(
    (e) =>
      e.ph === 'X' &&
      e.pid === main?.pid &&
      e.tid === main?.tid &&
      e.name === 'ThreadControllerImpl::RunTask' &&
      (CPU_US ? (e.tdur ?? 0) > CPU_US : e.dur > LONG_US),
  );
}

/** One task's self time per nested trace event name (top 8). */
function printSplit(events, task) {
  const xs = events
    .filter(
      (e) =>
        e.ph === 'X' &&
        e.pid === task.pid &&
        e.tid === task.tid &&
        e.ts >= task.ts &&
        e.ts + (e.dur ?? 0) <= task.ts + task.dur,
    )
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = selfTimes(xs, 'dur');
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8);
  console.log(
    `task ${(task.dur / 1000).toFixed(0)} ms (cpu ${((task.tdur ?? 0) / 1000).toFixed(0)} ms): ${top.map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ')}`,
  );
  // What each big layout had to do, and the JavaScript that forced it (TRACE_STACKS=1).
  for (const e of xs.filter((x) => x.name === 'Layout' && x.dur > 5000))
    console.log(
      `   Layout ${(e.dur / 1000).toFixed(1)} ms, dirty ${e.args?.beginData?.dirtyObjects} of ${e.args?.beginData?.totalObjects}; ${(e.args?.beginData?.stackTrace ?? []).map((c) => c.functionName).join(' < ')}`,
    );
}

/** Sampled self time per function (name, file:line) inside the tasks, top `n`; `roots`: also the outermost JS functions. */
function printSelfTimes(profile, tasks, n, roots = false) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const self = new Map();
  const outer = new Map();
  // INCLUSIVE=1: time under each function (each counted once per sample), to name the component.
  const inclusive = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (!tasks.some((k) => t >= k.ts && t < k.ts + k.dur)) continue;
    const f = byId.get(profile.samples[i]).callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    // The outermost named frames below the root: which callback the task ran.
    const chain = [];
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const c = byId.get(id).callFrame;
      if (c.url) chain.push(`${c.functionName || '(anon)'}:${c.url.split('/').pop()}:${c.lineNumber + 1}`);
    }
    for (const c of new Set(chain))
      inclusive.set(c, (inclusive.get(c) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
    const o = chain.slice(-4).reverse().join(' > ');
    outer.set(o, (outer.get(o) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  if (roots)
    for (const [k, us] of [...outer].sort((a, b) => b[1] - a[1]).slice(0, 4))
      console.log(`   from ${(us / 1000).toFixed(1)} ms  ${k}`);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`   sampled: ${(total / 1000).toFixed(0)} ms`);
  if (process.env.INCLUSIVE)
    for (const [k, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 30))
      console.log(`   incl ${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(
      `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`,
    );
}

/** THREADS=1: wall and CPU time of top-level tasks per thread over the run (who competes for the 2 cores). */
function printThreadBusy(events) {
  const names = new Map(
    events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name]),
  );
  const busy = new Map();
  const t0 = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
  const t1 = Math.max(...events.filter((e) => e.ph === 'X').map((e) => e.ts + (e.dur ?? 0)));
  for (const e of events) {
    if (e.ph !== 'X' || e.name !== 'ThreadControllerImpl::RunTask') continue;
    const k = `${e.pid}:${e.tid}`;
    const b = busy.get(k) ?? { dur: 0, tdur: 0 };
    b.dur += e.dur ?? 0;
    b.tdur += e.tdur ?? 0;
    busy.set(k, b);
  }
  console.log(`threads over ${((t1 - t0) / 1000).toFixed(0)} ms:`);
  for (const [k, b] of [...busy].sort((a, b2) => b2[1].tdur - a[1].tdur).slice(0, 10))
    console.log(
      `  ${names.get(k) ?? k}: tasks ${(b.dur / 1000).toFixed(0)} ms wall, ${(b.tdur / 1000).toFixed(0)} ms cpu`,
    );
}

/** SPLIT=1: the main thread's CPU time per trace event name over the whole run (self time). */
function printMainSplit(events) {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const xs = events
    .filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = selfTimes(xs, 'tdur');
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`main thread CPU ${(total / 1000).toFixed(0)} ms:`);
  for (const [n, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14))
    console.log(`  ${n} ${(us / 1000).toFixed(0)} ms (${((100 * us) / total).toFixed(0)}%)`);
}

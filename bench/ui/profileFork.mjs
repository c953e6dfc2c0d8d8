// Where acting in the past spends its time (a look, not a figure): a Chrome trace of each fork of
// forkTime.mjs with V8's sampling profiler on every thread, so the worker's replay and the page's
// work show side by side. Per thread: its tasks on a timeline (ms from the typing), self time per
// trace event (script, style, layout, paint, GC) and the sampled functions with the most self time;
// for the page also the inclusive time of components and models. Build a readable test build:
//   npx vite build --mode test --minify false --outDir dist/prof
//   node bench/ui/profileFork.mjs [dir=dist/prof] [runs=3]
// PROFILE=0 SUMMARY=1: only the CPU each thread spent from the typing to the frame drawn (a figure
// the machine's load does not inflate, unlike the wall time), on any test build (dist/test).
import { profileBrowser } from './profileBrowser.mjs';
import { forkFigures } from './forkTime.mjs';

const dir = process.argv[2] ?? 'dist/prof';
const runs = Number(process.argv[3] ?? 3);
// PROFILE=0: tasks and trace events only (the sampler slows the threads down).
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  ...(process.env.PROFILE === '0' ? [] : ['disabled-by-default-v8.cpu_profiler']),
].join(',');
const TOP = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Trace the whole browser while one fork runs. */
const around = {
  cdp: undefined,
  events: [],
  async start(page) {
    this.cdp = await page.context().newCDPSession(page);
    this.events = [];
    this.cdp.on('Tracing.dataCollected', (d) => this.events.push(...d.value));
    await this.cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  },
  async stop() {
    const done = new Promise((resolve) => this.cdp.once('Tracing.tracingComplete', resolve));
    await this.cdp.send('Tracing.end');
    await done;
    await this.cdp.detach();
    return this.events;
  },
};

const { browser, base, close } = await profileBrowser(dir);
try {
  const out = await forkFigures(browser, base, { runs, around });
  for (const r of out) {
    console.log(`\n=== fork at ${r.keep} from ${r.from} (+${r.ran} commands): ${r.ms.toFixed(1)} ms`);
    printThreads(r.look);
  }
} finally {
  await close();
}

/** The threads worth a look: the page's main thread and its dedicated worker. */
function threadsOf(events) {
  const names = events.filter((e) => e.name === 'thread_name');
  const pick = (re) => names.filter((e) => re.test(e.args?.name ?? ''));
  return [...pick(/^CrRendererMain$/), ...pick(/^DedicatedWorker/)].map((e) => ({
    name: e.args.name,
    pid: e.pid,
    tid: e.tid,
  }));
}

/** CPU ms of each thread's top-level tasks that started between the fork's two marks. */
function cpuBetweenMarks(events) {
  const mark = (name) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === name)?.ts;
  const [from, to] = [mark('lvs-fork-typed'), mark('lvs-fork-drawn')];
  if (from === undefined || to === undefined) return 'no marks';
  return threadsOf(events)
    .map((th) => {
      const tasks = outermost(
        events.filter(
          (e) =>
            e.pid === th.pid && e.tid === th.tid && e.ph === 'X' && TOP.has(e.name) && e.tdur !== undefined,
        ),
      ).filter((e) => e.ts + e.dur > from && e.ts < to);
      const ms = tasks.reduce((a, e) => a + e.tdur, 0) / 1000;
      return `${th.name} ${ms.toFixed(1)} ms in ${tasks.length} tasks`;
    })
    .join(', ');
}

function printThreads(events) {
  console.log(`cpu between typing and the frame drawn: ${cpuBetweenMarks(events)}`);
  if (process.env.SUMMARY) return;
  const main = threadsOf(events)[0];
  const t0 = events.reduce(
    (m, e) => (e.ph === 'X' && TOP.has(e.name) && e.tid === main?.tid ? Math.min(m, e.ts) : m),
    Infinity,
  );
  for (const th of threadsOf(events)) {
    const mine = events.filter((e) => e.pid === th.pid && e.tid === th.tid);
    const tasks = outermost(mine.filter((e) => e.ph === 'X' && TOP.has(e.name) && e.tdur !== undefined));
    const cpu = tasks.reduce((a, e) => a + e.tdur, 0) / 1000;
    if (cpu < 1) continue;
    console.log(`-- ${th.name}: ${tasks.length} tasks, cpu ${cpu.toFixed(1)} ms`);
    const big = tasks.filter((e) => e.tdur > 2000);
    console.log(
      `   tasks > 2 ms (start+wall/cpu): ${big.map((e) => `${((e.ts - t0) / 1000).toFixed(0)}+${(e.dur / 1000).toFixed(0)}/${(e.tdur / 1000).toFixed(0)}`).join(', ')}`,
    );
    const self = selfByName(mine.filter((e) => e.ph === 'X' && e.tdur !== undefined));
    console.log(
      `   self per event: ${[...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 10)
        .map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`)
        .join(', ')}`,
    );
    const prof = sampledProfile(events, th);
    if (!prof) continue;
    console.log(`   sampled ${(prof.total / 1000).toFixed(0)} ms; self:`);
    for (const [k, us] of [...prof.self].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`   ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
    const incl = [...prof.incl].sort((a, b) => b[1] - a[1]).slice(0, 25);
    console.log(`   inclusive: ${incl.map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ')}`);
    // What each long task of the thread did: the functions and components with the most time in it.
    for (const task of tasks.filter((e) => e.tdur > 3000)) {
      const inTask = (t) => t >= task.ts && t < task.ts + task.dur;
      const part = sampledProfile(events, th, inTask);
      const top = (m, n) =>
        [...m]
          .sort((a, b) => b[1] - a[1])
          .slice(0, n)
          .map(([k, us]) => `${k} ${(us / 1000).toFixed(1)}`)
          .join(', ');
      console.log(
        `   task at ${((task.ts - t0) / 1000).toFixed(0)} ms, cpu ${(task.tdur / 1000).toFixed(1)} ms:`,
      );
      console.log(`      incl: ${top(part.incl, 14)}`);
      console.log(`      self: ${top(part.self, 8)}`);
    }
  }
}

/** Nested task events of one thread, the outermost of each nest. */
function outermost(xs) {
  const sorted = [...xs].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const out = [];
  for (const e of sorted) {
    const outer = out[out.length - 1];
    if (!outer || e.ts >= outer.ts + outer.dur) out.push(e);
  }
  return out;
}

/** Thread self time per trace event name (an event's thread time less its children's). */
function selfByName(xs) {
  const sorted = [...xs].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = new Map();
  const stack = [];
  const close = (e) => self.set(e.name, (self.get(e.name) ?? 0) + e.self);
  for (const e of sorted) {
    while (stack.length && e.ts >= stack.at(-1).ts + stack.at(-1).dur) close(stack.pop());
    e.self = e.tdur;
    if (stack.length) stack.at(-1).self -= e.tdur;
    stack.push(e);
  }
  while (stack.length) close(stack.pop());
  return self;
}

/** One thread's V8 samples from the trace's ProfileChunk events: self and inclusive time per function. */
function sampledProfile(events, th, when = () => true) {
  // The samples come on a profiler thread, tied to the sampled thread by the profile's id.
  const profile = events.find((e) => e.name === 'Profile' && e.pid === th.pid && e.tid === th.tid);
  if (!profile) return undefined;
  const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === th.pid && e.id === profile.id);
  if (!chunks.length) return undefined;
  const nodes = new Map();
  const self = new Map();
  const incl = new Map();
  let total = 0;
  let t = profile.args?.data?.startTime ?? 0;
  for (const c of chunks) {
    const p = c.args?.data?.cpuProfile ?? {};
    for (const n of p.nodes ?? []) nodes.set(n.id, n);
    const deltas = c.args?.data?.timeDeltas ?? [];
    (p.samples ?? []).forEach((id, i) => {
      t += deltas[i] ?? 0;
      if (!when(t)) return;
      const dt = deltas[i + 1] ?? 0;
      total += dt;
      const n = nodes.get(id);
      const f = n?.callFrame ?? {};
      const key = `${f.functionName || '(anon)'} ${(f.url ?? '').split('/').pop()}:${(f.lineNumber ?? 0) + 1}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      const seen = new Set();
      for (let m = n; m; m = nodes.get(m.parent)) {
        const name = m.callFrame?.functionName ?? '';
        if (!/^[A-Z]|^use|^extend|^build|^scan|^fold|^replay|^model|^rewound|^all/.test(name)) continue;
        if (seen.has(name)) continue;
        seen.add(name);
        incl.set(name, (incl.get(name) ?? 0) + dt);
      }
    });
  }
  return { self, incl, total };
}

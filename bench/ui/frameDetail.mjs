// Where a frame's main-thread time goes, frame by frame (a look, not a figure): for the median and
// the slowest frames with ~N frames on the wire, each top-level task and, inside it, the trace's
// self time per event (JavaScript entry points named by function, file and line). Build a
// readable test build first (see profileFrames.mjs), then:
//   node bench/ui/frameDetail.mjs [target=500] [dir=dist/prof]
import { profileBrowser } from './profileBrowser.mjs';
import { onMainThread } from './cpuPerFrame.mjs';
import { frameWork, openFixture } from './frameWork.mjs';

const target = Number(process.argv[2] ?? 500);
const dir = process.argv[3] ?? 'dist/prof';
const { browser, base, close } = await profileBrowser(dir);
try {
  const fx = await openFixture(browser, base);
  const r = await frameWork(fx.page, fx.trace, target, 330, true);
  const frames = splitFrames(r.events).slice(10);
  const byTotal = [...frames].sort((a, b) => a.total - b.total);
  const show = (label, f) => {
    console.log(`\n${label}: ${(f.total / 1000).toFixed(1)} ms`);
    for (const [n, us] of [...f.self].sort((a, b) => b[1] - a[1]).slice(0, 14))
      console.log(`  ${(us / 1000).toFixed(2).padStart(6)}  ${n}`);
  };
  show('median frame', byTotal[byTotal.length >> 1]);
  for (const f of byTotal.slice(-4)) show('slow frame', f);
  // What every frame pays for, on average, by name.
  const sum = new Map();
  for (const f of frames) for (const [n, us] of f.self) sum.set(n, (sum.get(n) ?? 0) + us);
  console.log(`\nmean per frame over ${frames.length} frames:`);
  for (const [n, us] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`  ${(us / 1000 / frames.length).toFixed(2).padStart(6)}  ${n}`);
} finally {
  await close();
}

/** Name a trace event: JavaScript entry points by function and place. */
function nameOf(e) {
  const d = e.args?.data;
  if (e.name === 'FunctionCall' && d)
    return `JS ${d.functionName || '(anon)'} ${String(d.url).split('/').pop()}:${d.lineNumber}`;
  if (e.name === 'TimerFire') return 'TimerFire';
  if (e.name === 'EventDispatch' && d) return `EventDispatch ${d.type}`;
  return e.name;
}

/** Frames (from one animation frame's start to the next) with self thread time per event name. */
function splitFrames(events) {
  const isMain = onMainThread(events);
  const rafs = events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && isMain(e));
  const { pid, tid } = rafs[0];
  const xs = events
    .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.tdur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const starts = rafs.map((e) => e.ts).sort((a, b) => a - b);
  const frames = starts.slice(0, -1).map((t, i) => ({ t, end: starts[i + 1], self: new Map(), total: 0 }));
  const stack = [];
  let fi = 0;
  const close = (e) => {
    while (fi < frames.length && frames[fi].end <= e.ts) fi++;
    const f = frames[fi];
    if (!f || e.ts < f.t) return;
    const n = e.jsName ?? nameOf(e);
    f.self.set(n, (f.self.get(n) ?? 0) + e.self);
    f.total += e.self;
  };
  for (const e of xs) {
    while (stack.length && e.ts >= stack.at(-1).ts + stack.at(-1).dur) close(stack.pop());
    e.self = e.tdur;
    // Self time of nested V8 work is charged to the JavaScript entry point it ran under.
    const js = stack.findLast((s) => s.name === 'FunctionCall' || s.name === 'TimerFire');
    if (js && /^(V8|v8)/.test(e.name)) e.jsName = js.jsName ?? nameOf(js);
    if (stack.length) stack.at(-1).self -= e.tdur;
    stack.push(e);
  }
  while (stack.length) close(stack.pop());
  return frames;
}

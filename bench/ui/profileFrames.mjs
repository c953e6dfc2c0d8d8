// What the main thread does per animation frame with a crowd on the wire (a look, not a figure):
// self time per function from the V8 sampling profiler, and the trace's per-frame split into
// script, style, layout, paint and GC for the slowest frames. Build a readable test build first:
//   npx vite build --mode test --minify false --outDir dist/prof
//   node bench/ui/profileFrames.mjs [target=500|live] [dir=dist/prof]
// (`live`: the seed's live loop after 5,000 requests, liveLoop.mjs; LIVE_REQUESTS sets how many.)
import { profileBrowser } from './profileBrowser.mjs';
import { splitFrames } from './frameSplit.mjs';
import { frameWork, openFixture } from './frameWork.mjs';
import { liveLoopWork } from './liveLoop.mjs';
import { printInclusive } from './profileTree.mjs';

const target = process.argv[2] === 'live' ? 'live' : Number(process.argv[2] ?? 500);
const dir = process.argv[3] ?? 'dist/prof';

const { browser, base, close } = await profileBrowser(dir);
try {
  // PROFILE=0: the trace split only (the sampling profiler slows every frame down).
  const sample = process.env.PROFILE !== '0';
  let cdp;
  const startProfile = async (ctx, page) => {
    cdp = await ctx.newCDPSession(page);
    if (!sample) return;
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  };
  const stopProfile = async () => (sample ? (await cdp.send('Profiler.stop')).profile : undefined);
  let r;
  let profile;
  if (target === 'live') {
    const requests = Number(process.env.LIVE_REQUESTS ?? 5000);
    r = await liveLoopWork(browser, base, {
      requests,
      keepEvents: true,
      beforeLive: startProfile,
      afterLive: stopProfile,
    });
    profile = r.profile;
  } else {
    const fx = await openFixture(browser, base);
    await startProfile(fx.ctx, fx.page);
    r = await frameWork(fx.page, fx.trace, target, 330, true);
    profile = await stopProfile();
  }
  if (profile) printSelfTimes(profile);
  // INCL=1: inclusive time per function too (what each view costs with all it calls).
  if (profile && process.env.INCL) printInclusive(profile, 80);
  const slow = printSlowFrames(r.events);
  if (profile) {
    printComponentsIn(profile, slow);
    const all = { t: 0, end: Infinity };
    printComponentsIn(profile, [all]);
  }
  const s = [...r.cpu].sort((a, b) => a - b);
  console.log(
    `frames ${s.length}: median ${s[s.length >> 1].toFixed(1)} ms, p99 ${s[Math.floor(s.length * 0.99)].toFixed(1)} ms`,
  );
} finally {
  await close();
}

/** Self time per function (name, file:line), top 40, from the sampled call tree. */
function printSelfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (dt[i + 1] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  console.log(`sampled ${(total / 1000).toFixed(0)} ms`);
  for (const [k, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40))
    console.log(
      `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`,
    );
}

/** For the slowest frames: thread self time per trace event name on the main thread (top 8). */
function printSlowFrames(events) {
  // The goal's frames (cpuPerFrame.mjs), so the slow ones listed are the ones the p99 counts.
  const frames = splitFrames(events);
  // Every frame's self time per name, summed: what an ordinary frame pays for, not only the worst.
  const sum = new Map();
  for (const f of frames.slice(10)) for (const [n, us] of f.self) sum.set(n, (sum.get(n) ?? 0) + us);
  const per = (us) => (us / 1000 / Math.max(1, frames.length - 10)).toFixed(2);
  console.log(
    `mean per frame: ${[...sum]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([n, us]) => `${n} ${per(us)}`)
      .join(', ')}`,
  );
  const worst = frames
    .slice(10)
    .sort((a, b) => b.total - a.total)
    .slice(0, 8);
  for (const f of worst) {
    const top = [...f.self].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(
      `frame cpu ${(f.total / 1000).toFixed(1)} ms: ${top.map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ')}`,
    );
    // What each layout of the frame had to do, and the JavaScript that forced it (if any).
    for (const e of f.events.filter((x) => x.name === 'Layout' && x.tdur > 300))
      console.log(
        `    Layout ${(e.tdur / 1000).toFixed(1)} ms, dirty ${e.args?.beginData?.dirtyObjects} of ${e.args?.beginData?.totalObjects}; ${(e.args?.beginData?.stackTrace ?? []).map((c) => c.functionName).join(' < ')}`,
      );
  }
  return worst;
}

/** Inclusive sampled time of capitalised functions (React components, mostly) in the given frames. */
function printComponentsIn(profile, frames) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = profile.startTime;
  for (const f of frames) f.incl = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    const f = frames.find((x) => t >= x.t && t < x.end);
    if (!f) continue;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const name = byId.get(id).callFrame.functionName;
      if (!/^[A-Z]|^use|^frame|^draw|^list/.test(name) || seen.has(name)) continue;
      seen.add(name);
      f.incl.set(name, (f.incl.get(name) ?? 0) + dt);
    }
  }
  for (const f of frames) {
    const top = [...f.incl].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`frame at ${f.t}: ${top.map(([n, us]) => `${n} ${(us / 1000).toFixed(1)}`).join(', ')}`);
  }
}

// Who calls a function, from a sampled profile of the frame-work run (a look, not a figure):
//   node bench/ui/callersOf.mjs <name-regex> [target=500|live] [dir=dist/prof]
// prints, for each distinct chain of up to DEPTH callers above the matched frames, the sampled
// time under it (the bottom-up view of a profiler, for one function); DOWN=1 the chains of
// callees below it instead (the top-down view).
import { profileBrowser } from './profileBrowser.mjs';
import { frameWork, openFixture } from './frameWork.mjs';
import { liveLoopWork } from './liveLoop.mjs';

const re = new RegExp(process.argv[2]);
const target = process.argv[3] === 'live' ? 'live' : Number(process.argv[3] ?? 500);
const dir = process.argv[4] ?? 'dist/prof';
const DEPTH = Number(process.env.DEPTH ?? 6);

const { browser, base, close } = await profileBrowser(dir);
try {
  let cdp;
  const start = async (ctx, page) => {
    cdp = await ctx.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  };
  const stop = async () => (await cdp.send('Profiler.stop')).profile;
  let profile;
  if (target === 'live') {
    const r = await liveLoopWork(browser, base, {
      requests: Number(process.env.LIVE_REQUESTS ?? 5000),
      beforeLive: start,
      afterLive: stop,
    });
    profile = r.profile;
  } else {
    const fx = await openFixture(browser, base);
    await start(fx.ctx, fx.page);
    await frameWork(fx.page, fx.trace, target, 330);
    profile = await stop();
  }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;
  const chains = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    // The outermost matching frame on the sample's stack, and its callers.
    let hit;
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id))
      if (re.test(name(byId.get(id)))) hit = id;
    if (hit === undefined) continue;
    const chain = [];
    if (process.env.DOWN) {
      // DOWN=1: what the matched function spends its time in, DEPTH frames below it.
      const below = [];
      for (let id = profile.samples[i]; id !== hit; id = parent.get(id)) below.unshift(name(byId.get(id)));
      chain.push(name(byId.get(hit)), ...below.slice(0, DEPTH));
    } else
      for (let id = hit; id !== undefined && chain.length <= DEPTH; id = parent.get(id))
        chain.push(name(byId.get(id)));
    const key = chain.join(process.env.DOWN ? ' > ' : ' < ');
    chains.set(key, (chains.get(key) ?? 0) + dt);
  }
  for (const [k, us] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
} finally {
  await close();
}

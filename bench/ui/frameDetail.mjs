// Where a frame's main-thread time goes, frame by frame (a look, not a figure): for the median and
// the slowest of the goal's frames (cut as cpuPerFrame.mjs cuts them: frameSplit.mjs) with ~N
// frames on the wire, the trace's self time per event (JavaScript entry points named by function, file and line). Build a
// readable test build first (see profileFrames.mjs), then:
//   node bench/ui/frameDetail.mjs [target=500] [dir=dist/prof]
import { profileBrowser } from './profileBrowser.mjs';
import { splitFrames } from './frameSplit.mjs';
import { frameWork, openFixture } from './frameWork.mjs';

const target = Number(process.argv[2] ?? 500);
const dir = process.argv[3] ?? 'dist/prof';
const { browser, base, close } = await profileBrowser(dir);
try {
  const fx = await openFixture(browser, base);
  const r = await frameWork(fx.page, fx.trace, target, 330, true);
  const frames = splitFrames(r.events, { jsNames: true }).slice(10);
  // The split charges exactly the goal's figure to each frame; say so if it ever does not.
  const off = Math.max(...frames.map((f) => Math.abs(f.total - f.cpu)));
  if (off > 1) console.log(`split differs from cpuPerFrame by up to ${off.toFixed(0)} µs`);
  const byTotal = [...frames].sort((a, b) => a.total - b.total);
  console.log(
    `p99 frame (the goal's): ${(byTotal[Math.floor(byTotal.length * 0.99)].total / 1000).toFixed(1)} ms`,
  );
  const show = (label, f) => {
    console.log(`\n${label}: ${(f.total / 1000).toFixed(1)} ms`);
    for (const [n, us] of [...f.self].sort((a, b) => b[1] - a[1]).slice(0, 14))
      console.log(`  ${(us / 1000).toFixed(2).padStart(6)}  ${n}`);
  };
  show('median frame', byTotal[byTotal.length >> 1]);
  for (const f of byTotal.slice(-6)) show('slow frame', f);
  // What every frame pays for, on average, by name.
  const sum = new Map();
  for (const f of frames) for (const [n, us] of f.self) sum.set(n, (sum.get(n) ?? 0) + us);
  console.log(`\nmean per frame over ${frames.length} frames:`);
  for (const [n, us] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`  ${(us / 1000 / frames.length).toFixed(2).padStart(6)}  ${n}`);
} finally {
  await close();
}

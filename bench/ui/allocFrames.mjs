// What the main thread allocates per animation frame with a crowd on the wire, and what the
// garbage collector costs the frames (a look, not a figure): V8's sampling heap profiler, keeping
// the objects already collected, over the frames bench's run (frameWork.mjs), by allocating
// function; and the GC time inside each of the goal's frames (frameSplit.mjs) from the trace.
// Build a readable test build first (see profileFrames.mjs), then:
//   node bench/ui/allocFrames.mjs [target=500] [dir=dist/prof]
import { profileBrowser } from './profileBrowser.mjs';
import { splitFrames } from './frameSplit.mjs';
import { frameWork, openFixture } from './frameWork.mjs';

const target = Number(process.argv[2] ?? 500);
const dir = process.argv[3] ?? 'dist/prof';
// The trace then names V8's GC phases (startTrace reads it when tracing starts).
process.env.TRACE_GC = '1';
const FRAMES = 330;

const { browser, base, close } = await profileBrowser(dir);
try {
  const fx = await openFixture(browser, base);
  const cdp = await fx.ctx.newCDPSession(fx.page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 8192,
    // KEPT=1: only what is still alive at the end (what grows the old space toward a major GC).
    includeObjectsCollectedByMajorGC: !process.env.KEPT,
    includeObjectsCollectedByMinorGC: !process.env.KEPT,
  });
  const r = await frameWork(fx.page, fx.trace, target, FRAMES, true);
  const { profile } = await cdp.send('HeapProfiler.stopSampling');
  printAllocations(profile, FRAMES + 10);
  printGc(r.events);
} finally {
  await close();
}

/** Bytes allocated per frame, by allocating function and by the nearest component or hook above it. */
function printAllocations(profile, frames) {
  const site = new Map();
  const owner = new Map();
  let total = 0;
  const walk = (node, stack) => {
    const f = node.callFrame;
    const place = (c) => `${c.functionName || '(anon)'} ${c.url.split('/').pop()}:${c.lineNumber + 1}`;
    // A builtin (no script: Array.prototype.slice, an iterator's next) is named with its caller.
    const name = f.url
      ? place(f)
      : `${f.functionName || '(anon)'} < ${stack.length ? stack[stack.length - 1].place : '?'}`;
    const here = [...stack, { fn: f.functionName, place: place(f) }];
    if (node.selfSize > 0) {
      total += node.selfSize;
      site.set(name, (site.get(name) ?? 0) + node.selfSize);
      const o = [...here].reverse().find((n) => /^[A-Z]|^use|^draw|^paint|^place/.test(n.fn))?.fn ?? '(none)';
      owner.set(o, (owner.get(o) ?? 0) + node.selfSize);
    }
    for (const c of node.children ?? []) walk(c, here);
  };
  walk(profile.head, []);
  const kb = (b) => (b / 1024 / frames).toFixed(1).padStart(7);
  console.log(
    `${process.env.KEPT ? 'kept' : 'allocated'}: ${kb(total)} KB per frame (${frames} frames, sampled)`,
  );
  console.log('by function, KB per frame:');
  for (const [n, b] of [...site].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${kb(b)}  ${n}`);
  console.log('by nearest component/hook/painter above, KB per frame:');
  for (const [n, b] of [...owner].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${kb(b)}  ${n}`);
}

/** GC thread time in the goal's frames: mean per frame, and in the slowest frames. */
function printGc(events) {
  const frames = splitFrames(events).slice(10);
  const gcOf = (f) => {
    let us = 0;
    for (const [n, t] of f.self) if (/GC|Scavenge|Mark|Sweep|Evacuat/i.test(n)) us += t;
    return us;
  };
  const sum = frames.reduce((a, f) => a + gcOf(f), 0);
  const major = events.filter((e) => e.name === 'MajorGC' || e.name === 'V8.GC_MARK_COMPACTOR').length;
  console.log(
    `GC: ${(sum / 1000 / frames.length).toFixed(2)} ms per frame on average; major GCs in trace: ${major}`,
  );
  // What started each major GC (V8 names the reason on the incremental marking's start).
  for (const e of events.filter((x) => /MajorGC|IncrementalMarkingStart|MARK_COMPACTOR$/.test(x.name)))
    console.log(`  ${e.name} ${JSON.stringify(e.args ?? {}).slice(0, 200)}`);
  const slow = [...frames].sort((a, b) => b.total - a.total).slice(0, 8);
  for (const f of slow)
    console.log(`  frame ${(f.total / 1000).toFixed(1)} ms, of it GC ${(gcOf(f) / 1000).toFixed(1)} ms`);
  const s = frames.map((f) => f.total).sort((a, b) => a - b);
  console.log(
    `frames ${s.length}: median ${(s[s.length >> 1] / 1000).toFixed(1)} ms, p99 ${(s[Math.floor(s.length * 0.99)] / 1000).toFixed(1)} ms`,
  );
}

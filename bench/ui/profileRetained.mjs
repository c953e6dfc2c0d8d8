// What the page keeps per event the cursor has passed (a look, not a figure): V8's sampling heap
// profiler over seeks through a long `ab` session, then a forced GC; prints the allocation sites
// whose objects are still alive, by self size (top 40), and the heap before and after.
// Readable build first:
//   npx vite build --mode test --minify false --outDir dist/prof
//   node bench/ui/profileRetained.mjs [dir=dist/prof]
//   RETAIN_KEEP (traceKeep, default 262144), RETAIN_REQUESTS (2200), RETAIN_SEEK (8000), RETAIN_SEEKS (8)
import { profileBrowser } from './profileBrowser.mjs';

const dir = process.argv[2] ?? 'dist/prof';
const keep = Number(process.env.RETAIN_KEEP ?? 262144);
const requests = Number(process.env.RETAIN_REQUESTS ?? 2200);
const seek = Number(process.env.RETAIN_SEEK ?? 8000);
const seeks = Number(process.env.RETAIN_SEEKS ?? 8);
const { browser, base, close } = await profileBrowser(dir);
try {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${base}?lab=nat&paused=1&traceKeep=${keep}`);
  await page.waitForFunction(() => window.__lvsLab?.ready === true);
  await page.evaluate(
    (n) => window.__lvsLab.run('client', `ab -n ${n} -c 10 http://172.16.132.18/`),
    requests,
  );
  await page.evaluate(() => window.__lvsLab.seek(window.__lvsLab.kept().first));
  await page.waitForTimeout(1500);
  const cdp = await ctx.newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize / 1e6;
  };
  const h0 = await heap();
  await cdp.send('HeapProfiler.startSampling', { samplingInterval: 2048 });
  const from = await page.evaluate(() => window.__lvsLab.state().cursor);
  for (let i = 0; i < seeks; i++) {
    await page.evaluate((n) => window.__lvsLab.seek(window.__lvsLab.state().cursor + n), seek);
    await page.waitForTimeout(700);
  }
  const to = await page.evaluate(() => window.__lvsLab.state().cursor);
  const h1 = await heap();
  const { profile } = await cdp.send('HeapProfiler.getSamplingProfile');
  await cdp.send('HeapProfiler.stopSampling');
  console.log(
    `cursor ${from} → ${to} (${to - from} events); heap after GC ${h0.toFixed(1)} → ${h1.toFixed(1)} MB (${(((h1 - h0) * 1e6) / Math.max(1, to - from)).toFixed(0)} B per event)`,
  );
  // Self size still alive per allocation site (function, url:line), with the caller chain's top 3.
  const sites = new Map();
  const walk = (node, stack) => {
    const f = node.callFrame;
    const name = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    const here = [...stack, name];
    if (node.selfSize) {
      const key = here.slice(-3).reverse().join(' ← ');
      sites.set(key, (sites.get(key) ?? 0) + node.selfSize);
    }
    for (const c of node.children) walk(c, here);
  };
  walk(profile.head, []);
  const top = [...sites].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40));
  for (const [k, v] of top) console.log(`${(v / 1e6).toFixed(2).padStart(7)} MB  ${k}`);
} finally {
  await close();
}

// Where the page's let-go steps spend their time (a look, not a figure): the V8 sampling profile
// over each of letGoStep.mjs's let-go seeks, inclusive time per function (top 40). Readable build first:
//   npx vite build --mode test --minify false --outDir dist/prof
//   node bench/ui/profileLetGo.mjs [dir=dist/prof]
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startStaticServer } from '../../e2e/support/staticServer.mjs';
import { letGoSteps } from './letGoStep.mjs';

const dir = process.argv[2] ?? 'dist/prof';
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const server = await startStaticServer({
  port: PORT,
  host: '127.0.0.1',
  mounts: [{ prefix: '/test/', dir: `${process.cwd()}/${dir}` }],
});
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const r = await letGoSteps(browser, `http://127.0.0.1:${PORT}/test/`, {
    probe: async (ctx, page) => {
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      return {
        start: () => cdp.send('Profiler.start'),
        stop: async () => (await cdp.send('Profiler.stop')).profile,
      };
    },
  });
  console.log(`${r.probed.length} let-go steps profiled`);
  for (const p of r.probed) printInclusive(p);
} finally {
  await browser.close();
  server.close();
}

/** Inclusive sampled time per function (name, file:line), counted once per sample. */
function printInclusive(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame;
      if (!f.url) continue;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      incl.set(key, (incl.get(key) ?? 0) + dt);
    }
  }
  console.log('---');
  for (const [k, us] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40)))
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

// Where the page's let-go steps spend their time (a look, not a figure): the V8 sampling profile
// over each of letGoStep.mjs's let-go seeks, inclusive time per function (top 40). Readable build first:
//   npx vite build --mode test --minify false --outDir dist/prof
//   node bench/ui/profileLetGo.mjs [dir=dist/prof]   (LETGO_KEEP, LETGO_REQUESTS, LETGO_SEEK as in ui.bench.mjs)
import { profileBrowser } from './profileBrowser.mjs';
import { letGoSteps } from './letGoStep.mjs';
import { printInclusive, printLines } from './profileTree.mjs';

const dir = process.argv[2] ?? 'dist/prof';
const { browser, base, close } = await profileBrowser(dir);
try {
  const r = await letGoSteps(browser, base, {
    keep: Number(process.env.LETGO_KEEP ?? 16384),
    requests: Number(process.env.LETGO_REQUESTS ?? 600),
    seek: Number(process.env.LETGO_SEEK ?? 1500),
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
  for (const p of r.probed) {
    printInclusive(p);
    // LINES=fn[,fn]: where in those functions the samples fell (their own time, by source line).
    for (const fn of process.env.LINES?.split(',') ?? []) printLines(p, fn);
  }
} finally {
  await close();
}

// What the event list's updates cost (a look, not a figure): the goal's frames (frameSplit.mjs)
// in which the list's rows changed, told apart by a performance mark from a MutationObserver on
// the rows, against the other frames; self time per trace event name in each. Build a readable
// test build first (see profileFrames.mjs), then:
//   node bench/ui/eventListFrames.mjs [target=500] [dir=dist/prof] [runs=1]
import { profileBrowser } from './profileBrowser.mjs';
import { splitFrames } from './frameSplit.mjs';
import { frameWork, openFixture } from './frameWork.mjs';

const target = Number(process.argv[2] ?? 500);
const dir = process.argv[3] ?? 'dist/prof';
const runs = Number(process.argv[4] ?? 1);
process.env.TRACE_MORE = [process.env.TRACE_MORE, 'blink.user_timing'].filter(Boolean).join(',');

const MARK = 'event-list-rows';
const { browser, base, close } = await profileBrowser(dir);
const ms = (us) => (us / 1000).toFixed(2);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
try {
  const fx = await openFixture(browser, base);
  await fx.page.evaluate((mark) => {
    const rows = document.querySelector('.event-rows');
    new MutationObserver(() => performance.mark(mark)).observe(rows, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  }, MARK);
  const list = [];
  const rest = [];
  for (let r = 0; r < runs; r++) {
    const { events } = await frameWork(fx.page, fx.trace, target, 330, true);
    const marks = events.filter((e) => e.name === MARK).map((e) => e.ts);
    for (const f of splitFrames(events, { jsNames: true }).slice(10))
      (marks.some((t) => t >= f.t && t < f.end) ? list : rest).push(f);
  }
  const show = (label, fs) => {
    console.log(
      `${label}: ${fs.length} frames, total median ${ms(median(fs.map((f) => f.total)))} ms, mean ${ms(fs.reduce((a, f) => a + f.total, 0) / fs.length)} ms`,
    );
    const sum = new Map();
    for (const f of fs) for (const [n, us] of f.self) sum.set(n, (sum.get(n) ?? 0) + us);
    for (const [n, us] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 10))
      console.log(`  ${ms(us / fs.length).padStart(6)}  ${n}`);
  };
  show('frames where the rows changed', list);
  show('other frames', rest);
} finally {
  await close();
}

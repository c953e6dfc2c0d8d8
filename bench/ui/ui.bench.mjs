// UI benchmark (not a pass/fail test): figures measured in headless Chromium, each with its goal.
//   • p95/p99 main-thread work per frame with ~200 and ~500 frames on the wire (goal p99 ≤ 8 ms)
//   • JavaScript on the path to the topology, gzipped: static entry graph, static graph + catalogs,
//     and the scripts fetched before the topology was drawn with the engine and app chunks held
//     back until then (goal ≤ 150 KB each)
//   • navigation → topology drawn ([data-topology-drawn]), plain and with the CPU throttled 4×
//     (goal 2 s: ours, twice the plain goal); reload of a 500-request lab; a 100-command share link,
//     in English and in Chinese
//   • act in the past at 500 requests: a fork at an early command of a 500-command log, in the
//     worker, checked to replay only from the nearest checkpoint (forkTime.mjs; BENCH_ONLY=fork)
//   • while runaway commands run: p99/max long task, Ctrl-C and Pause latency (runaway.mjs; BENCH_ONLY=runaway)
//   • a command typed after a long session: its longest main-thread task (enterAfterLongSession.mjs; BENCH_ONLY=enter)
//   • each playback control after a long session: latency and longest task (controlsAfterLongSession.mjs; BENCH_ONLY=controls)
//   • the page letting go of old detail in a long session: its longest task (letGoStep.mjs; BENCH_ONLY=letgo)
//   • p99/median main-thread work per frame while ab holds 50 connections open, playing (abPlayback.mjs;
//     BENCH_ONLY=ab; report, no goal)
//   • p99 main-thread work per frame during the seed's live loop after 5,000 requests (liveLoop.mjs;
//     BENCH_ONLY=live; goal ≤ 16.7 ms)
//   • tab heap after 7,200 loop requests at top speed, after a forced GC, page and session worker
//     (tabHeap.mjs; BENCH_ONLY=heap; goal ≤ 100 MB for the sum; HEAP_REQUESTS and HEAP_RUNS change
//     the load and the number of fresh tabs)
// Run `npm run build` first; then `npm run bench:ui` (BENCH_PORT picks the port, default 4179;
// BENCH_TEST_DIR another test build, e.g. the base of a branch built elsewhere, to compare).
// The production build (dist/app) is served under /course/lvs/ as a course site would host it;
// the frame-work runs drive the test build (dist/test), the only one with window.__lvsLab.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startStaticServer } from '../../e2e/support/staticServer.mjs';
import { abPlaybackWork } from './abPlayback.mjs';
import { frameWork, openFixture } from './frameWork.mjs';
import { sizeOf, staticInitialJs, topologyPathJs } from './initialJs.mjs';
import { forkFigures } from './forkTime.mjs';
import { liveLoopWork } from './liveLoop.mjs';
import { figure, median, pct } from './report.mjs';
import { reloadToTopology } from './reloadTime.mjs';
import { printRunawayFigures, runawayFigures } from './runaway.mjs';
import { enterAfterLongSession } from './enterAfterLongSession.mjs';
import { controlsAfterLongSession } from './controlsAfterLongSession.mjs';
import { letGoSteps } from './letGoStep.mjs';
import { tabHeap } from './tabHeap.mjs';
import { hundredCommandLink } from './shareLink.mjs';
import { timeToTopology } from './topologyTime.mjs';

const DIST = 'dist/app';
const PORT = Number(process.env.BENCH_PORT ?? 4179);
const BASE = `http://127.0.0.1:${PORT}/course/lvs/`;
const TEST_BASE = `http://127.0.0.1:${PORT}/test/`;
/** Chunks the topology must not wait for: the engine and the app shell (the bench holds them back). */
const LAZY = /\/assets\/(engine|App)-[\w-]+\.js$/;
/** The topology the engine drew (the page's only drawing before the lab-data sketch). */
const LIVE = '[data-topology-drawn="engine"] .host';
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// BENCH_ONLY=frames|live|load|fork|runaway|enter|controls|letgo|ab|heap runs one part (for a quick look; report figures from a full run).
const only = process.env.BENCH_ONLY;
const runsOf = (xs) => xs.map((x) => x.toFixed(0)).join(', ');

const server = await startStaticServer({
  port: PORT,
  host: '127.0.0.1',
  mounts: [
    { prefix: '/course/lvs/', dir: `${process.cwd()}/${DIST}` },
    { prefix: '/test/', dir: `${process.cwd()}/${process.env.BENCH_TEST_DIR ?? 'dist/test'}` },
  ],
});
const browser = await chromium.launch({
  ...(executablePath ? { executablePath } : {}),
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  console.log('LVS Lab UI benchmark (headless Chromium, this machine)');
  const fx = only && only !== 'frames' ? undefined : await openFixture(browser, TEST_BASE);
  for (const target of fx ? [200, 500] : []) {
    const r = await frameWork(fx.page, fx.trace, target);
    const drawn = `frames drawn median ${median(r.counts)}, min ${Math.min(...r.counts)}, max ${Math.max(...r.counts)}`;
    figure(
      `main-thread CPU per frame, ~${target} in flight, p99`,
      pct(r.cpu, 99),
      8,
      'ms',
      `p95 ${pct(r.cpu, 95).toFixed(1)} ms, median ${median(r.cpu).toFixed(1)} ms; ${r.cpu.length} frames; ${drawn}`,
    );
    figure(
      `  wall time from frame start to after its rendering, ~${target} in flight, p99`,
      pct(r.busy, 99),
      8,
      'ms',
      `p95 ${pct(r.busy, 95).toFixed(1)} ms, median ${median(r.busy).toFixed(1)} ms; grows with the machine's load`,
    );
  }
  await fx?.ctx.close();
  if (!only || only === 'live') await liveFigures();
  if (!only || only === 'load') await loadFigures();
  if (!only || only === 'fork') await forkFigure();
  if (!only || only === 'runaway') printRunawayFigures(await runawayFigures(browser, TEST_BASE));
  if (!only || only === 'enter') {
    const r = await enterAfterLongSession(browser, TEST_BASE);
    figure(
      `while ab -n 600 runs and ends (${r.events} trace events): longest task the page saw`,
      r.during.long,
      50,
      'ms',
      'wall time: on a loaded machine it measures the load too',
    );
    figure(
      `a command typed after ${r.events} trace events: longest main-thread task (CPU)`,
      Math.max(...r.cpu),
      50,
      'ms',
      `runs ${r.cpu.map((x) => x.toFixed(1)).join(', ')}; long tasks the page saw: max ${Math.max(...r.long).toFixed(0)} ms`,
    );
  }
  if (!only || only === 'controls') {
    const r = await controlsAfterLongSession(browser, TEST_BASE);
    for (const c of r.controls)
      figure(
        `after ${r.events} trace events, "${c.name}": click to the scrubber moved (median of 3)`,
        median(c.latencies),
        100,
        'ms',
        `runs ${c.latencies.map((x) => x.toFixed(0)).join(', ')}; longest main-thread task (CPU, first run) ${c.cpu.toFixed(1)} ms (goal 50)`,
      );
  }
  if (!only || only === 'letgo') {
    // LETGO_KEEP, LETGO_REQUESTS and LETGO_SEEK change the bound, the ab run and the seek step.
    const keep = Number(process.env.LETGO_KEEP ?? 16384);
    const r = await letGoSteps(browser, TEST_BASE, {
      keep,
      requests: Number(process.env.LETGO_REQUESTS ?? 600),
      seek: Number(process.env.LETGO_SEEK ?? 1500),
    });
    figure(
      `the page letting go of old detail (traceKeep ${keep}, ${r.length} events): longest task (CPU)`,
      Math.max(...r.steps),
      50,
      'ms',
      `${r.steps.length} steps ${runsOf(r.steps)} ms; other seeks: median ${median(r.others).toFixed(0)}, max ${Math.max(...r.others).toFixed(0)} ms`,
    );
  }
  if (!only || only === 'ab') await abFigures();
  if (!only || only === 'heap') await heapFigures();
} finally {
  await browser.close();
  server.close();
}

async function loadFigures() {
  const js = staticInitialJs(DIST);
  figure(
    'initial JavaScript (static entry graph), gzipped',
    js.gz / 1024,
    150,
    'KB',
    `${js.files.length} files`,
  );
  const path = topologyPathJs(DIST);
  figure(
    'JavaScript on the path to the topology drawn (static graph + catalogs), gzipped',
    path.gz / 1024,
    150,
    'KB',
    `${path.files.length} files; the build fails over 150 KB`,
  );
  const names = (files) => files.map((f) => f.replace(/^assets\//, '')).join(' ');
  const fetchedBy = (runs) =>
    sizeOf(
      DIST,
      [...new Set(runs.flatMap((r) => r.scripts))].map((p) => p.replace(/^\/course\/lvs\//, '')),
    );
  // The engine and the app shell held back until the topology is drawn: it must not need them.
  const held = await timeToTopology(browser, `${BASE}?lab=nat`, { runs: 3, hold: LAZY });
  const needed = fetchedBy(held);
  figure(
    'gzipped JS on the path to the topology drawn (engine and app chunks held back until then)',
    needed.gz / 1024,
    150,
    'KB',
    `${names(needed.files)}; drawn at median ${median(held.map((r) => r.ms)).toFixed(0)} ms`,
  );
  const plain = await timeToTopology(browser, `${BASE}?lab=nat`);
  const fetched = fetchedBy(plain);
  figure(
    'JavaScript fetched before the topology was drawn (nothing held back), gzipped',
    fetched.gz / 1024,
    0,
    'KB',
    names(fetched.files),
  );
  figure(
    'navigation → topology drawn',
    median(plain.map((r) => r.ms)),
    1000,
    'ms',
    `runs ${runsOf(plain.map((r) => r.ms))}`,
  );
  const live = await timeToTopology(browser, `${BASE}?lab=nat`, { selector: LIVE });
  figure(
    '  the same, to the live (engine-drawn) topology: where the page drew first before',
    median(live.map((r) => r.ms)),
    1000,
    'ms',
    `runs ${runsOf(live.map((r) => r.ms))}`,
  );
  const slow = await timeToTopology(browser, `${BASE}?lab=nat`, { runs: 3, throttle: 4 });
  const slowLive = await timeToTopology(browser, `${BASE}?lab=nat`, { runs: 3, throttle: 4, selector: LIVE });
  figure(
    'time to topology with CPU throttled 4×',
    median(slow.map((r) => r.ms)),
    2000,
    'ms',
    `runs ${runsOf(slow.map((r) => r.ms))}; to the live topology ${runsOf(slowLive.map((r) => r.ms))}`,
  );
  for (const worker of [true, false]) {
    const reload = await reloadToTopology(browser, TEST_BASE, { requests: 500, runs: 5, worker });
    const drawnAt = reload.runs.map((r) => r.drawn);
    figure(
      `reload of a 500-request lab → topology drawn (${worker ? 'worker, as the hosted app' : 'session in the page'})`,
      median(drawnAt),
      500,
      'ms',
      `runs ${runsOf(drawnAt)}; the live topology after the replay: ${runsOf(reload.runs.map((r) => r.live))} ms; ${reload.trace} events`,
    );
  }
  // The draw is the topology's element in the page; its first paint adds layout and text shaping.
  const painted = (runs) => median(runs.map((r) => r.painted)).toFixed(0);
  const hash = await hundredCommandLink(browser, TEST_BASE);
  const link = await timeToTopology(browser, `${BASE}?lab=nat${hash}`);
  figure(
    `100-command share link (${hash.length} chars) → topology drawn`,
    median(link.map((r) => r.ms)),
    500,
    'ms',
    `runs ${runsOf(link.map((r) => r.ms))}; painted at median ${painted(link)} ms`,
  );
  // A Chinese reader's link: its catalog is fetched too (English is every page's fallback).
  const zh = await timeToTopology(browser, `${BASE}?lab=nat&lang=zh-CN${hash}`);
  figure(
    '  the same link in Chinese (?lang=zh-CN) → topology drawn',
    median(zh.map((r) => r.ms)),
    500,
    'ms',
    `runs ${runsOf(zh.map((r) => r.ms))}; painted at median ${painted(zh)} ms`,
  );
}

async function forkFigure() {
  const runs = await forkFigures(browser, TEST_BASE, { requests: 500, runs: 5 });
  const ms = runs.map((r) => r.ms);
  const what = runs.map((r) => `at ${r.keep} from ${r.from} (+${r.ran})`).join(', ');
  figure(
    'act in the past at 500 requests (worker; typed → next frame drawn)',
    median(ms),
    50,
    'ms',
    `runs ${runsOf(ms)}; forks ${what}; spares ready ${runs[0].ready.join(' ')}`,
  );
}

async function liveFigures() {
  const r = await liveLoopWork(browser, TEST_BASE);
  figure(
    "main-thread CPU per frame during the seed's live loop after 5,000 requests, p99",
    pct(r.cpu, 99),
    16.7,
    'ms',
    `p95 ${pct(r.cpu, 95).toFixed(1)} ms, median ${median(r.cpu).toFixed(1)} ms; ${r.cpu.length} frames; ` +
      `${r.logged.answers} answers in ${r.logged.events} events, built in ${(r.buildMs / 1000).toFixed(1)} s; ` +
      `live from ${Math.round(r.span.t0)} to ${Math.round(r.span.t1)} µs, ${r.span.events - r.logged.events} events more`,
  );
}

async function abFigures() {
  const r = await abPlaybackWork(browser, TEST_BASE);
  figure(
    'main-thread CPU per frame while ab -c 50 holds 50 connections open, playing, p99',
    pct(r.cpu, 99),
    0,
    'ms',
    `median ${median(r.cpu).toFixed(1)} ms; ${r.cpu.length} frames; sim time ${Math.round(r.span.t0)}–${Math.round(r.span.t1)} µs with ` +
      `${r.open[0]}–${r.open[1]} client connections open (peak ${r.peak}); report, no goal`,
  );
}

async function heapFigures() {
  const requests = Number(process.env.HEAP_REQUESTS ?? 7200);
  const runs = [];
  for (let i = 0; i < Number(process.env.HEAP_RUNS ?? 3); i++)
    runs.push(await tabHeap(browser, TEST_BASE, { requests }));
  const mb = (b) => b / (1024 * 1024);
  const sums = runs.map((r) => mb(r.pageBytes + r.workerBytes));
  const last = runs[runs.length - 1];
  figure(
    `tab heap after ${requests.toLocaleString('en')} loop requests at top speed (page + worker, after GC)`,
    median(sums),
    100,
    'MB',
    `runs ${sums.map((x) => x.toFixed(1)).join(', ')}; page ${runs.map((r) => mb(r.pageBytes).toFixed(1)).join(', ')} MB; ` +
      `worker ${runs.map((r) => mb(r.workerBytes).toFixed(1)).join(', ')} MB; ${last.events} events; ` +
      `virtual ${(last.simUs / 1e6).toFixed(0)} s; run ${runsOf(runs.map((r) => r.runMs))} ms`,
  );
  figure('  the page alone', median(runs.map((r) => mb(r.pageBytes))), 0, 'MB');
  figure('  the session worker alone', median(runs.map((r) => mb(r.workerBytes))), 0, 'MB');
  figure(
    '  array buffers outside the JS heap (trace columns), page + worker',
    median(runs.map((r) => mb(r.pageBuffers + r.workerBuffers))),
    0,
    'MB',
    `page ${runsOf(runs.map((r) => mb(r.pageBuffers)))}, worker ${runsOf(runs.map((r) => mb(r.workerBuffers)))} MB`,
  );
}

// Tab heap after an hour-long class: the seed's loop (`while true;do curl VIP ; sleep 0.5 ; done`)
// on the NAT lab's client, run to 7,200 requests as fast as the app allows, in the hosted app's
// shape (the session in its Web Worker, `?worker=1`). The loop is one logged command cut after
// 7,200 rounds of virtual time (as a Ctrl-C'd loop is logged), so the session replays it in
// chunks and publishes every event to the page. Then a forced GC through the DevTools protocol
// (HeapProfiler.collectGarbage) and Runtime.getHeapUsage, for the page and for the worker.
import { LOOP } from './liveLoop.mjs';

/** The loop asks every 0.504 s of virtual time (docs/virtual-cpu-time.md). */
const ROUND_US = 504_000;

/**
 * A CDP client for the session worker: the page's own session attaches to its child targets
 * (not flattened, so the commands go through Target.sendMessageToTarget on the page's session).
 */
async function workerClient(cdp) {
  const attached = new Promise((resolve) => {
    cdp.on('Target.attachedToTarget', (e) => {
      if (e.targetInfo.type === 'worker') resolve(e.sessionId);
    });
  });
  const waiting = new Map();
  let next = 0;
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error) w.reject(new Error(m.error.message));
    else w.resolve(m.result);
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  const sessionId = await Promise.race([
    attached,
    new Promise((_, reject) => setTimeout(() => reject(new Error('no session worker to attach to')), 10_000)),
  ]);
  return {
    send(method, params = {}) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        void cdp.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        });
      });
    },
  };
}

/** Used JS heap after a forced full GC (usedSize, and backingStorageSize: array buffers), bytes. */
async function heapAfterGc(client) {
  await client.send('HeapProfiler.enable');
  await client.send('HeapProfiler.collectGarbage');
  await client.send('HeapProfiler.collectGarbage');
  return client.send('Runtime.getHeapUsage');
}

/** One fresh tab: the loop run to `requests` requests, then the heap of the page and the worker. */
export async function tabHeap(browser, testBase, { requests = 7200, query = '' } = {}) {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Runtime.enable');
    await page.goto(`${testBase}?lab=nat&paused=1&worker=1${query}`);
    await page.waitForFunction(() => window.__lvsLab?.ready);
    const worker = await workerClient(cdp);
    const t0 = performance.now();
    await page.evaluate(
      ({ loop, us }) => window.__lvsLab.open('nat', [{ host: 'client', command: loop, maxTimeUs: us }]),
      { loop: LOOP, us: requests * ROUND_US + 100_000 },
    );
    await page.waitForFunction(() => window.__lvsLab.state().log.length === 1, null, {
      timeout: 900_000,
      polling: 500,
    });
    const runMs = performance.now() - t0;
    const state = await page.evaluate(() => {
      const a = window.__lvsLab;
      a.seek(a.state().traceLength);
      return a.state();
    });
    // The views have drawn the end of the trace before the heap is read.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
    const pageHeap = await heapAfterGc(cdp);
    const workerHeap = await heapAfterGc(worker);
    return {
      pageBytes: pageHeap.usedSize,
      workerBytes: workerHeap.usedSize,
      // Typed-array stores (the trace's columns) live outside the JS heap: reported beside it.
      pageBuffers: pageHeap.backingStorageSize ?? NaN,
      workerBuffers: workerHeap.backingStorageSize ?? NaN,
      events: state.traceLength,
      simUs: state.simTime,
      runMs,
    };
  } finally {
    await ctx.close();
  }
}

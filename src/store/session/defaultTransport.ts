import { createSessionWorker } from '@/store/session/sessionWorkerFactory';
import { engine } from '../engine';
import { inPageTransport } from './inPageTransport';
import type { SessionTransport } from './protocol';
import { workerTransport } from './workerTransport';

/**
 * The test build's API (window.__lvsLab) reads a command's result in the call that ran it, which
 * only the in-page session gives; there the worker is asked for with `?worker=1` (the e2e specs
 * and the benchmark that measure the page while a command runs do). An embedded lab (`embed=1`)
 * stays in the page too: its postMessage API answers a request with the state that request made,
 * in the same turn, as embedding.md promises course pages.
 */
function workerWanted(): boolean {
  const params = new URLSearchParams(typeof location === 'undefined' ? '' : location.search);
  if (params.get('worker') === '1') return true;
  if (params.get('embed') === '1') return false;
  return !(typeof __LVS_TEST_API__ !== 'undefined' && __LVS_TEST_API__);
}

/**
 * Where a store's session runs: in a Web Worker where the page can start one (the hosted app),
 * else in the page (no Worker, as in unit tests, or the single-file build from file://).
 */
export function defaultTransport(): SessionTransport {
  const inPage = () => inPageTransport(engine());
  if (typeof Worker === 'undefined' || !workerWanted()) return inPage();
  let worker: Worker | undefined;
  try {
    worker = createSessionWorker();
  } catch {
    worker = undefined; // refused outright (a policy, an opaque origin)
  }
  return worker ? workerTransport(worker, inPage) : inPage();
}

import { createSessionWorker } from '@/store/session/sessionWorkerFactory';
import { engine } from '../engine';
import { inPageTransport } from './inPageTransport';
import type { SessionTransport } from './protocol';
import { workerTransport } from './workerTransport';

/**
 * Where a store's session runs: in a Web Worker where the page can start one (the hosted app),
 * else in the page (no Worker, as in tests, or the single-file build from file://).
 */
export function defaultTransport(): SessionTransport {
  const inPage = () => inPageTransport(engine());
  if (typeof Worker === 'undefined') return inPage();
  let worker: Worker | undefined;
  try {
    worker = createSessionWorker();
  } catch {
    worker = undefined; // refused outright (a policy, an opaque origin)
  }
  return worker ? workerTransport(worker, inPage) : inPage();
}

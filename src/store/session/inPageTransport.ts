import type { EngineModule } from '../engine';
import { LabSession } from './labSession';
import type { ChunkClock } from './replayChunks';
import type { SessionMessage, SessionTransport } from './protocol';

/** Wall time and a macrotask, as the page has them. */
export const pageClock: ChunkClock = {
  now: () => performance.now(),
  later: (fn) => void setTimeout(fn, 0),
  after: (ms, fn) => void setTimeout(fn, ms),
};

/**
 * The session in the page itself: requests are handled as they are sent and replies delivered
 * at once (a long replay still goes on in chunks, a macrotask apart). A Worker transport would
 * carry the same messages through postMessage instead.
 */
export function inPageTransport(
  engine: EngineModule,
  clock: ChunkClock = pageClock,
  budgetMs?: number,
): SessionTransport {
  let handler: ((m: SessionMessage) => void) | undefined;
  const session = new LabSession(engine, (m) => handler?.(m), clock, budgetMs);
  return {
    send: (m) => session.handle(m),
    listen: (fn) => {
      handler = fn;
    },
    close: () => {
      handler = undefined;
      session.dispose();
    },
  };
}

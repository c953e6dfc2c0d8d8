import type { EngineModule } from '../engine';
import { LabSession } from './labSession';
import { plainMessage } from './plainMessage';
import type { ChunkClock } from './replayChunks';
import type { SessionMessage, SessionTransport } from './protocol';

/**
 * A transport that behaves as a Worker's would: every message is made plain and structured-
 * cloned, and delivered a task later (`clock.later`), never within the call that sent it. Tests
 * run the store over it to show the views need nothing that only the in-page transport gives.
 */
export function clonedTransport(
  engine: EngineModule,
  clock: ChunkClock,
  budgetMs?: number,
): SessionTransport {
  let handler: ((m: SessionMessage) => void) | undefined;
  const session = new LabSession(
    engine,
    (m) => {
      const copy = structuredClone(plainMessage(m));
      clock.later(() => handler?.(copy));
    },
    clock,
    budgetMs,
  );
  return {
    send: (m) => {
      const copy = structuredClone(m);
      clock.later(() => session.handle(copy));
    },
    listen: (fn) => {
      handler = fn;
    },
    close: () => {
      handler = undefined;
      session.dispose();
    },
  };
}

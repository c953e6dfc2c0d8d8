import type { EngineModule } from '../engine';
import { LabSession } from './labSession';
import { plainMessage } from './plainMessage';
import type { RequestMessage } from './protocol';
import type { ChunkClock } from './replayChunks';
import { READY, unbatched } from './workerTransport';

/** The worker side of a message pair: a Worker's global scope, or a port in tests. */
export interface SessionScope {
  postMessage(message: unknown): void;
  onmessage: ((e: MessageEvent) => void) | null;
}

/**
 * A turn of the event loop through a MessageChannel (no 4 ms clamp as nested setTimeouts
 * have): between two chunks of a replay, the requests that came in (stop, Ctrl-C) get handled.
 */
export function channelClock(): ChunkClock & { close(): void } {
  const channel = new MessageChannel();
  const turns: (() => void)[] = [];
  channel.port1.onmessage = () => turns.shift()?.();
  return {
    now: () => performance.now(),
    later: (fn) => {
      turns.push(fn);
      channel.port2.postMessage(0);
    },
    after: (ms, fn) => void setTimeout(fn, ms),
    close: () => channel.port1.close(),
  };
}

/**
 * Serve one LabSession on `scope`: requests in, plain replies and events out (what answers a
 * batch of requests goes back as one message), and first a `ready` message saying the engine
 * loaded. A step of the live command while playback follows it (`advance` to the next event)
 * waits a turn of the event loop, so Ctrl-C sent behind it overtakes it: the steps not yet run
 * find the command ended and do nothing. The instant step that follows a `begin` (bounded in virtual time and
 * events) runs at once, so a command typed ends in the task that began it.
 */
export function hostSession(scope: SessionScope, engine: EngineModule, clock: ChunkClock): LabSession {
  // A batch in, a batch out: what answers a batch from the page while it is handled goes back as
  // one message. A lone request's messages cross one by one, so the page takes a runaway's output
  // in small tasks, not one long one.
  let answer: unknown[] | undefined;
  const send = (m: unknown) => (answer ? void answer.push(m) : scope.postMessage(m));
  const session = new LabSession(engine, (m) => send(plainMessage(m)), clock);
  scope.onmessage = (e) => {
    answer = Array.isArray(e.data) ? [] : undefined;
    try {
      for (const m of unbatched(e.data as RequestMessage | RequestMessage[])) {
        if (m.request.type === 'advance' && m.request.mode === 'next-event')
          clock.later(() => session.handle(m));
        else session.handle(m);
      }
    } finally {
      const out = answer;
      answer = undefined;
      if (out?.length) scope.postMessage(out);
    }
  };
  scope.postMessage({ kind: READY });
  return session;
}

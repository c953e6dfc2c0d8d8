import type { RequestMessage, SessionMessage, SessionTransport } from './protocol';

/** What the transport needs of a Worker (a fake pair stands in for it in tests). */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((e: MessageEvent) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

/** The worker's first message: it loaded and holds a session. */
export const READY = 'ready';

/**
 * Messages sent in one task, as one postMessage (an array) at the end of it. A typed command in
 * the past is a fork, a begin and an instant step sent together: the session answers them in one
 * task of its own, and the page then takes all the replies in one task and draws once, instead
 * of drawing the command's start and then its end a round trip later.
 */
export function batchedPost(post: (batch: unknown[]) => void): (m: unknown) => void {
  let batch: unknown[] | undefined;
  return (m) => {
    if (batch) return void batch.push(m);
    batch = [m];
    queueMicrotask(() => {
      const out = batch!;
      batch = undefined;
      post(out);
    });
  };
}

/** The messages a postMessage carried: a batch (batchedPost) or one message. */
export const unbatched = <T>(data: T | T[]): T[] => (Array.isArray(data) ? data : [data]);

/**
 * The session in a Web Worker: requests go by postMessage and replies and events come back
 * the same way, so the engine's work never runs on the page's main thread. Until the worker
 * says it is ready, what was sent is kept: if it fails to load (a blocked or missing script),
 * the session starts in the page instead (`fallback`) and gets those requests, in order.
 */
export function workerTransport(worker: WorkerLike, fallback: () => SessionTransport): SessionTransport {
  let handler: ((m: SessionMessage) => void) | undefined;
  let early: RequestMessage[] | undefined = [];
  let inPage: SessionTransport | undefined;
  let closed = false;
  const toPage = () => {
    if (!early || closed) return;
    worker.terminate();
    inPage = fallback();
    if (handler) inPage.listen(handler);
    for (const m of early) inPage.send(m);
    early = undefined;
  };
  worker.onerror = () => toPage();
  worker.onmessage = (e: MessageEvent) => {
    for (const data of unbatched(e.data as SessionMessage | { kind: typeof READY })) {
      if (data.kind === READY) early = undefined;
      else handler?.(data);
    }
  };
  const post = batchedPost((batch) => {
    if (!closed && !inPage) worker.postMessage(batch);
  });
  return {
    send(m) {
      if (closed) return;
      if (inPage) return inPage.send(m);
      early?.push(m);
      post(m);
    },
    listen(fn) {
      handler = fn;
      inPage?.listen(fn);
    },
    close() {
      closed = true;
      handler = undefined;
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
      inPage?.close();
    },
  };
}

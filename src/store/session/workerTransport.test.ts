import { MessageChannel as NodeChannel } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createAppStore, disposeAppStore, sessionOf } from '../createAppStore';
import type { AppStore } from '../createAppStore';
import { engine, loadEngine } from '../engine';
import { awaitedReplies, whenRepliesIn } from './awaitedReplies';
import { inPageTransport } from './inPageTransport';
import { openSession } from './openSession';
import type { SessionMessage, SessionReply, SessionRequest } from './protocol';
import { SessionClient } from './sessionClient';
import { channelClock, hostSession } from './sessionHost';
import type { SessionScope } from './sessionHost';
import { workerTransport } from './workerTransport';
import type { WorkerLike } from './workerTransport';

beforeAll(async () => {
  await loadEngine();
});

/**
 * A fake Worker pair: two ends of a real MessageChannel (structured clone, delivery a task
 * later), the far end serving a LabSession exactly as sessionWorker.ts does.
 */
function workerPair(opts: { load?: boolean } = {}) {
  const { port1, port2 } = new NodeChannel();
  const clock = channelClock();
  const worker: WorkerLike & { terminated: boolean } = {
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage: (m) => port1.postMessage(m),
    terminate() {
      this.terminated = true;
      port1.close();
      clock.close();
    },
  };
  port1.on('message', (data: unknown) => worker.onmessage?.({ data } as MessageEvent));
  const scope: SessionScope = { postMessage: (m) => port2.postMessage(m), onmessage: null };
  port2.on('message', (data: unknown) => scope.onmessage?.({ data } as MessageEvent));
  if (opts.load !== false) hostSession(scope, engine(), clock);
  else setTimeout(() => worker.onerror?.(new Event('error') as ErrorEvent), 5);
  return worker;
}

const until = async (ok: () => boolean, what: string) => {
  const t0 = Date.now();
  while (!ok()) {
    if (Date.now() - t0 > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
};

const stores: AppStore[] = [];
afterEach(() => stores.splice(0).forEach(disposeAppStore));

describe('the session in a Web Worker', () => {
  test('a store over a worker ends with the trace an in-page session gives, byte for byte', async () => {
    const w = workerPair();
    const s = createAppStore({
      persistKey: null,
      startPaused: true,
      transport: workerTransport(w, () => inPageTransport(engine())),
    });
    stores.push(s);
    // Nothing is there until the worker answers: the store does not rely on a reply within the call.
    expect(sessionOf(s).view.trace).toHaveLength(0);
    await until(() => sessionOf(s).view.trace.length > 0 && !s.getState().replay, 'the lab to open');
    s.getState().runCommands([
      { host: 'director', command: 'ipvsadm -Ln' },
      { host: 'client', command: 'curl -s 172.16.132.18' },
    ]);
    await until(() => s.getState().spec.log.length === 2, 'the commands to run');
    const inPage = openSession(s.getState().spec);
    expect(JSON.stringify(sessionOf(s).view.trace)).toBe(JSON.stringify(inPage.trace));
    expect(w.terminated).toBe(false);
  });

  test('Ctrl-C stops a busy loop running in the worker: exit 130, the log entry replays it', async () => {
    const w = workerPair();
    const client = new SessionClient(
      workerTransport(w, () => inPageTransport(engine())),
      engine().getLab('nat')!,
    );
    const ask = (request: SessionRequest) =>
      new Promise<SessionReply>((resolve) => client.request(request, resolve));
    expect(
      await ask({ type: 'replay', spec: { labId: 'nat', seed: 1, bare: false, log: [] } }),
    ).toMatchObject({
      type: 'replayed',
    });
    expect(await ask({ type: 'begin', host: 'client', command: 'while true; do :; done' })).toMatchObject({
      type: 'begun',
    });
    // A step runs, then the page asks for more and sends Ctrl-C without waiting: Ctrl-C
    // overtakes the steps not run yet, which find nothing running.
    expect(await ask({ type: 'advance', mode: 'next-event' })).toEqual({ type: 'ok' });
    const order: string[] = [];
    const steps = [1, 2, 3].map((i) =>
      ask({ type: 'advance', mode: 'next-event' }).then((r) => (order.push(`step ${i}`), r)),
    );
    const ended = await ask({ type: 'interrupt' }).then((r) => (order.push('interrupt'), r));
    expect(await Promise.all(steps)).toEqual([{ type: 'ok' }, { type: 'ok' }, { type: 'ok' }]);
    expect(order).toEqual(['interrupt', 'step 1', 'step 2', 'step 3']);
    expect(ended).toMatchObject({ type: 'ended', result: { exit: 130, interrupted: true } });
    if (ended.type !== 'ended') return;
    expect(ended.entry.maxTimeUs).toBeGreaterThan(0);
    expect(client.view.trace.at(-1)).toMatchObject({ kind: 'cmd.end', interrupted: true });
    client.dispose();
    expect(w.terminated).toBe(true);
  });

  test('a fork and the command sent behind it cross as one message each way, their replies in order', async () => {
    const w = workerPair();
    const batches: unknown[][] = [];
    const t = workerTransport(w, () => inPageTransport(engine()));
    const onmessage = w.onmessage!;
    w.onmessage = (e) => {
      if (Array.isArray(e.data)) batches.push(e.data);
      onmessage(e);
    };
    const client = new SessionClient(t, engine().getLab('nat')!);
    const replies: string[] = [];
    const log = Array.from({ length: 6 }, () => ({ host: 'client', command: 'curl -s 172.16.132.18' }));
    client.request({ type: 'replay', spec: { labId: 'nat', seed: 1, bare: false, log } }, (r) =>
      replies.push(r.type),
    );
    // A whole replay may take seconds: idle work does not wait for it.
    expect(awaitedReplies()).toBe(0);
    await until(() => replies.length === 1, 'the lab to open');
    batches.length = 0;
    client.request({ type: 'fork', keep: 2 }, (r) => replies.push(r.type));
    client.request({ type: 'exec', entry: { host: 'client', command: 'echo hi' } }, (r) =>
      replies.push(r.type),
    );
    // The page waits on both (idle work waits for them), and for nothing once the store took them.
    expect(awaitedReplies()).toBe(2);
    whenRepliesIn(() => replies.push('idle work'));
    await until(() => replies.length === 4, 'both replies');
    expect(replies).toEqual(['replayed', 'replayed', 'result', 'idle work']);
    expect(awaitedReplies()).toBe(0);
    const withReplies = batches.filter((b) => b.some((m) => (m as SessionMessage).kind === 'reply'));
    expect(withReplies).toHaveLength(1);
    expect(client.view.results.at(-1)).toMatchObject({ stdout: 'hi\n' });
    client.dispose();
  });

  test('a worker that fails to load: the session starts in the page with every request sent so far', async () => {
    const w = workerPair({ load: false });
    const seen: SessionMessage[] = [];
    const t = workerTransport(w, () => inPageTransport(engine()));
    t.listen((m) => seen.push(m));
    t.send({ id: 1, request: { type: 'replay', spec: { labId: 'dr', seed: 4, bare: false, log: [] } } });
    t.send({ id: 2, request: { type: 'exec', entry: { host: 'client', command: 'echo hi' } } });
    await until(() => w.terminated, 'the failed worker to be dropped');
    const replies = seen.flatMap((m) => (m.kind === 'reply' ? [[m.id, m.reply.type]] : []));
    expect(replies).toEqual([
      [1, 'replayed'],
      [2, 'result'],
    ]);
    t.send({ id: 3, request: { type: 'exec', entry: { host: 'client', command: 'echo again' } } });
    expect(seen.at(-1)).toMatchObject({
      kind: 'reply',
      id: 3,
      reply: { type: 'result', result: { stdout: 'again\n' } },
    });
    t.close();
  });
});

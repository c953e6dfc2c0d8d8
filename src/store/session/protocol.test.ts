import { beforeAll, expect, test } from 'vitest';
import { engine, loadEngine } from '../engine';
import { LabSession } from './labSession';
import { plainMessage } from './plainMessage';
import type {
  RequestMessage,
  SessionEvent,
  SessionMessage,
  SessionReply,
  SessionRequestType,
} from './protocol';
import { testClock } from './testClock';

beforeAll(async () => {
  await loadEngine();
});

// Listing every type here is checked by the compiler: a new message kind must join the test.
const REQUESTS: Record<SessionRequestType, true> = {
  replay: true,
  exec: true,
  fork: true,
  begin: true,
  advance: true,
  interrupt: true,
  'stop-replay': true,
  bound: true,
};
const REPLIES: Record<SessionReply['type'], true> = {
  replayed: true,
  result: true,
  begun: true,
  ended: true,
  ok: true,
  error: true,
};
const EVENTS: Record<SessionEvent['type'], true> = {
  reset: true,
  rewind: true,
  'trace-append': true,
  'results-append': true,
  sysctls: true,
  running: true,
  progress: true,
  checkpoints: true,
  summarised: true,
};

test('every request, reply and event crosses structuredClone unchanged (a Worker could carry them)', () => {
  const clock = testClock();
  const out: SessionMessage[] = [];
  const sent: RequestMessage[] = [];
  const session = new LabSession(engine(), (m) => out.push(m), clock, 2);
  const send = (request: RequestMessage['request']) => {
    const m = { id: sent.length + 1, request };
    sent.push(m);
    session.handle(m);
  };
  const loop = 'while true; do curl -s 192.168.99.188; sleep 0.5; done';
  send({
    type: 'replay',
    spec: { labId: 'dr', seed: 2, bare: false, log: [{ host: 'client', command: loop, maxTimeUs: 900_000 }] },
  });
  send({ type: 'stop-replay' });
  clock.runAll();
  send({ type: 'exec', entry: { host: 'rs1', command: 'sysctl -w net.ipv4.conf.all.arp_ignore=0' } });
  send({ type: 'fork', keep: 0 });
  send({ type: 'begin', host: 'client', command: loop });
  send({ type: 'advance', mode: 'next-event' });
  send({ type: 'advance', mode: 'instant' });
  send({ type: 'interrupt' });
  send({ type: 'begin', host: 'client', command: 'ipvsadm -Ln' });
  send({ type: 'advance', mode: 'instant' });
  // A bound of one event: the loop's first chunks of trace are summarised once published.
  send({ type: 'bound', keep: 1 });
  send({ type: 'exec', entry: { host: 'client', command: loop, maxTimeUs: 80_000_000 } });
  send({ type: 'begin', host: 'nohost', command: 'true' });
  clock.runAll();

  expect(new Set(sent.map((m) => m.request.type))).toEqual(new Set(Object.keys(REQUESTS)));
  const replies = out.flatMap((m) => (m.kind === 'reply' ? [m.reply.type] : []));
  const events = out.flatMap((m) => (m.kind === 'event' ? [m.event.type] : []));
  expect(new Set(replies)).toEqual(new Set(Object.keys(REPLIES)));
  expect(new Set(events)).toEqual(new Set(Object.keys(EVENTS)));
  // toStrictEqual also fails when a class instance would arrive as a plain object.
  for (const m of sent) expect(structuredClone(m)).toStrictEqual(m);
  for (const m of out) {
    // What a Worker would post: lazy engine fields made plain, nothing lost against the JSON trace.
    const plain = plainMessage(m);
    expect(JSON.stringify(plain)).toBe(JSON.stringify(m));
    // toStrictEqual also fails when a class instance would arrive as a plain object.
    expect(structuredClone(plain)).toStrictEqual(plain);
  }
});

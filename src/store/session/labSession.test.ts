import { beforeAll, describe, expect, test } from 'vitest';
import { engine, loadEngine } from '../engine';
import type { LabSpec } from '../labSpec';
import { LabSession } from './labSession';
import type { SessionMessage, SessionReply, SessionRequest } from './protocol';
import { testClock } from './testClock';

beforeAll(async () => {
  await loadEngine();
});

const VIP = '172.16.132.18';
const LONG: LabSpec = {
  labId: 'nat',
  seed: 3,
  bare: false,
  log: [
    { host: 'director', command: 'ipvsadm -E -t 172.16.132.18:80 -s wrr' },
    { host: 'client', command: `curl -s ${VIP}` },
    { host: 'client', command: `while true; do curl -s ${VIP}; sleep 0.5; done`, maxTimeUs: 2_600_000 },
    { host: 'rs1', command: 'sysctl -w net.ipv4.ip_forward=1' },
    { host: 'client', command: `for i in $(seq 3); do curl -s ${VIP}; done` },
  ],
};

/** A session with a recorder: every message it posts, and a way to send requests. */
function open(budgetMs: number, clock = testClock()) {
  const messages: SessionMessage[] = [];
  const session = new LabSession(engine(), (m) => messages.push(m), clock, budgetMs);
  let id = 0;
  const send = (request: SessionRequest) => {
    session.handle({ id: ++id, request });
    return id;
  };
  const reply = (n: number): SessionReply | undefined =>
    messages.find((m): m is Extract<SessionMessage, { kind: 'reply' }> => m.kind === 'reply' && m.id === n)
      ?.reply;
  const trace = () =>
    messages.flatMap((m) => (m.kind === 'event' && m.event.type === 'trace-append' ? m.event.events : []));
  const progress = () =>
    messages.flatMap((m) => (m.kind === 'event' && m.event.type === 'progress' ? [m.event.done] : []));
  return { session, clock, messages, send, reply, trace, progress };
}

describe('LabSession replays in chunks', () => {
  test('a chunked replay gives the byte-identical trace of one in a single go, reporting progress', () => {
    const once = open(1e9);
    const r1 = once.send({ type: 'replay', spec: LONG });
    expect(once.reply(r1)).toMatchObject({ type: 'replayed', stopped: false, log: LONG.log });
    expect(once.progress()).toEqual([]);

    const chunked = open(3);
    const r2 = chunked.send({ type: 'replay', spec: LONG });
    expect(chunked.reply(r2)).toBeUndefined();
    chunked.clock.runAll();
    expect(chunked.reply(r2)).toMatchObject({ type: 'replayed', stopped: false, log: LONG.log });
    const seen = chunked.progress();
    expect(seen.length).toBeGreaterThan(4);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(JSON.stringify(chunked.trace())).toBe(JSON.stringify(once.trace()));
  });

  test('stopping keeps what ran (the command cut short logged with its time), and that log replays exactly', () => {
    const chunked = open(3);
    const r = chunked.send({ type: 'replay', spec: LONG });
    for (let i = 0; i < 2; i++) chunked.clock.runNext();
    expect(chunked.clock.pending()).toBe(1);
    const behind = chunked.send({ type: 'exec', entry: { host: 'director', command: 'ipvsadm -Ln' } });
    chunked.send({ type: 'stop-replay' });
    chunked.clock.runAll();
    const done = chunked.reply(r);
    expect(done?.type).toBe('replayed');
    if (done?.type !== 'replayed') return;
    expect(done.stopped).toBe(true);
    expect(done.log.length).toBeLessThan(LONG.log.length);
    // The request sent during the replay waited for it, then ran after what was kept.
    const ran = chunked.reply(behind);
    expect(ran?.type).toBe('result');
    const again = open(1e9);
    again.send({
      type: 'replay',
      spec: { ...LONG, log: [...done.log, { host: 'director', command: 'ipvsadm -Ln' }] },
    });
    expect(JSON.stringify(again.trace())).toBe(JSON.stringify(chunked.trace()));
  });

  test('a log the engine cannot run is an error reply, and the session opens the next spec afresh', () => {
    const s = open(1e9);
    const bad = s.send({ type: 'replay', spec: { ...LONG, log: [{ host: 'nohost', command: 'true' }] } });
    expect(s.reply(bad)).toMatchObject({ type: 'error' });
    const good = s.send({ type: 'replay', spec: { ...LONG, log: [] } });
    expect(s.reply(good)).toMatchObject({ type: 'replayed', log: [] });
  });
});

describe('LabSession runs a live command in bounded steps', () => {
  test('each advance of a busy ab adds a bounded number of events, and the trace is the one exec makes', () => {
    const ab = `ab -n 120 -c 20 http://${VIP}/`;
    const live = open(1e9);
    live.clock.runAll();
    live.send({ type: 'replay', spec: { labId: 'nat', seed: 3, bare: false, log: [] } });
    live.clock.runAll();
    live.send({ type: 'begin', host: 'client', command: ab });
    const sizes: number[] = [];
    let ended = false;
    for (let i = 0; i < 10_000 && !ended; i++) {
      // What this advance posted (rebuilding the whole trace twice per advance made the test quadratic).
      const seen = live.messages.length;
      const n = live.send({ type: 'advance', mode: i === 0 ? 'instant' : 'next-event' });
      live.clock.runAll();
      const posted = live.messages.slice(seen);
      ended = posted.some((m) => m.kind === 'reply' && m.id === n && m.reply.type === 'ended');
      sizes.push(
        posted.reduce(
          (k, m) => k + (m.kind === 'event' && m.event.type === 'trace-append' ? m.event.events.length : 0),
          0,
        ),
      );
    }
    expect(ended).toBe(true);
    // Unbounded, the first (instant) step made the whole run: ~20,000 events in one message burst.
    expect(Math.max(...sizes)).toBeLessThanOrEqual(4096);
    const once = open(1e9);
    once.send({ type: 'replay', spec: { labId: 'nat', seed: 3, bare: false, log: [] } });
    once.clock.runAll();
    once.send({ type: 'exec', entry: { host: 'client', command: ab } });
    expect(live.trace().length).toBeGreaterThan(15_000);
    expect(JSON.stringify(live.trace())).toBe(JSON.stringify(once.trace()));
  });
});

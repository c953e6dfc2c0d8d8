import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { engine, loadEngine } from '../engine';
import type { LabSpec, LogEntry } from '../labSpec';
import { QUIET_MS } from './checkpoints';
import { LabSession } from './labSession';
import { SessionClient } from './sessionClient';
import type { SessionMessage, SessionRequest } from './protocol';
import { testClock } from './testClock';

beforeAll(async () => {
  await loadEngine();
});

const VIP = '172.16.132.18';
const COMMANDS: LogEntry[] = [
  { host: 'client', command: `curl -s ${VIP}` },
  { host: 'client', command: `curl -s ${VIP}` },
  { host: 'director', command: 'ipvsadm -Ln --stats' },
  { host: 'director', command: `ipvsadm -E -t ${VIP}:80 -s wrr` },
  { host: 'director', command: `ipvsadm -E -t ${VIP}:80 -s rr` },
  { host: 'rs1', command: 'sysctl -w net.ipv4.conf.all.arp_ignore=1' },
  { host: 'client', command: `while true; do curl -s ${VIP}; sleep 0.2; done`, maxTimeUs: 700_000 },
];

/** A session on a test clock, with the page's mirror of it (`trace()`: what the views read now). */
function open() {
  const clock = testClock();
  const messages: SessionMessage[] = [];
  let handler: ((m: SessionMessage) => void) | undefined;
  const session = new LabSession(
    engine(),
    (m) => {
      messages.push(m);
      handler?.(m);
    },
    clock,
    5,
  );
  const client = new SessionClient(
    { send: (m) => session.handle(m), listen: (fn) => void (handler = fn), close: () => {} },
    engine().getLab('nat')!,
  );
  const send = (request: SessionRequest) => client.request(request);
  const trace = () => client.view.trace.slice();
  // What the last request replayed: progress reported since it was sent (a fork at the log's end
  // replays nothing, and the first replay's progress must not count for it).
  let sentAt = 0;
  const replayed = () =>
    Math.max(
      0,
      ...messages
        .slice(sentAt)
        .map((m) => (m.kind === 'event' && m.event.type === 'progress' ? m.event.total : 0)),
    );
  const sendMarked = (request: SessionRequest) => {
    sentAt = messages.length;
    send(request);
  };
  const last = <T extends SessionMessage>(pick: (m: SessionMessage) => T | undefined) =>
    messages.map(pick).findLast((m) => m !== undefined);
  const spares = () => {
    const e = last((m) => (m.kind === 'event' && m.event.type === 'checkpoints' ? m : undefined));
    return e?.kind === 'event' && e.event.type === 'checkpoints'
      ? { ready: e.event.ready, pending: e.event.pending }
      : { ready: [], pending: 0 };
  };
  const stats = () => {
    const r = last((m) => (m.kind === 'reply' && m.reply.type === 'replayed' ? m : undefined));
    return r?.kind === 'reply' && r.reply.type === 'replayed' ? r.reply.stats : undefined;
  };
  // The page kept the events the new engine shares with the old one instead of a reset.
  const rewound = () =>
    messages.slice(sentAt).some((m) => m.kind === 'event' && m.event.type === 'rewind') &&
    !messages.slice(sentAt).some((m) => m.kind === 'event' && m.event.type === 'reset');
  /** Everything the views read: the trace, the results, the end time and every host's sysctls at the end. */
  const mirror = () => {
    const v = client.view;
    const sysctls = v.hostNames().map((h) => {
      const s = v.sysctlAt(h, v.trace.length);
      return [h, s && [...s.keys()].map((k) => [k, s.get(k)])];
    });
    return JSON.stringify({ trace: trace(), results: v.results, now: v.now, sysctls });
  };
  const log = () => {
    const r = last((m) => (m.kind === 'reply' && m.reply.type === 'replayed' ? m : undefined));
    return r?.kind === 'reply' && r.reply.type === 'replayed' ? r.reply.log : [];
  };
  return { clock, send: sendMarked, trace, replayed, spares, stats, rewound, mirror, log };
}

describe('checkpoints for forks', () => {
  test('a fork from the nearest spare gives the byte-identical trace of a replay from 0, replaying only the rest', () => {
    const log = fc.array(fc.constantFrom(...COMMANDS), { minLength: 2, maxLength: 60 });
    fc.assert(
      fc.property(log, fc.nat(), fc.constantFrom(1, 7), (entries, k, seed) => {
        const keep = k % entries.length;
        const spec: LabSpec = { labId: 'nat', seed, bare: false, log: entries };
        const a = open();
        a.send({ type: 'replay', spec });
        a.clock.runAll(); // the replay, then the spares built in idle time
        const spares = a.spares();
        expect(spares.pending).toBe(0);
        a.send({ type: 'fork', keep });
        a.clock.runAll();
        const b = open();
        b.send({ type: 'replay', spec: { ...spec, log: entries.slice(0, keep) } });
        b.clock.runAll();
        expect(JSON.stringify(a.trace())).toBe(JSON.stringify(b.trace()));
        // The page kept what the fork shares with the old run; what it reads is a fresh replay's.
        expect(a.mirror()).toBe(b.mirror());
        // The fork started at the nearest ready spare (0 is always one) and ran only what follows.
        const nearest = Math.max(...spares.ready.filter((p) => p <= keep));
        expect(a.stats()).toEqual({ from: nearest, ran: keep - nearest, spare: true });
        expect(a.rewound()).toBe(true);
        expect(a.replayed()).toBeLessThanOrEqual(keep - nearest);
        // From 0, the same fork replays every kept entry (the test clock makes it take several chunks).
        if (keep > 5) expect(b.replayed()).toBe(keep);
      }),
      { seed: fuzzSeed(), numRuns: 8 },
    );
  });

  test('a fork stopped before it ran again what the page kept leaves the page what the engine ran', () => {
    const log = fc.array(fc.constantFrom(...COMMANDS), { minLength: 8, maxLength: 40 });
    fc.assert(
      fc.property(log, fc.nat(), fc.nat({ max: 6 }), (entries, k, chunks) => {
        const keep = 4 + (k % (entries.length - 4));
        const spec: LabSpec = { labId: 'nat', seed: 1, bare: false, log: entries };
        const a = open();
        a.send({ type: 'replay', spec });
        a.clock.runAll();
        a.send({ type: 'fork', keep });
        for (let i = 0; i < chunks; i++) a.clock.runNext();
        a.send({ type: 'stop-replay' });
        a.clock.runAll();
        // What the fork's engine ran (the kept commands it got to, one cut short as Ctrl-C).
        const b = open();
        b.send({ type: 'replay', spec: { ...spec, log: a.log() } });
        b.clock.runAll();
        expect(a.mirror()).toBe(b.mirror());
      }),
      { seed: fuzzSeed(), numRuns: 6 },
    );
  });

  test('long commands get spares between them; a fork after one replays from there', () => {
    const loop = { host: 'client', command: `for i in $(seq 30); do curl -s ${VIP}; done` };
    const entries = Array.from({ length: 4 }, () => loop);
    const a = open();
    a.send({ type: 'replay', spec: { labId: 'nat', seed: 1, bare: false, log: entries } });
    a.clock.runAll();
    // Thirty requests are a checkpoint's worth of work: a spare after each loop but the last.
    expect(a.spares()).toEqual({ ready: [0, 1, 2, 3], pending: 0 });
    a.send({ type: 'fork', keep: 2 });
    a.clock.runAll();
    expect(a.stats()).toEqual({ from: 2, ran: 0, spare: true });
  });
});

describe('spares wait for quiet', () => {
  test('no build step runs until QUIET_MS after the session settled, and each settling starts the wait again', () => {
    const base = testClock();
    let t = 0;
    const timers: { at: number; fn: () => void }[] = [];
    const clock = {
      now: () => t,
      later: base.later,
      after: (ms: number, fn: () => void) => void timers.push({ at: t + ms, fn }),
    };
    const spares: { ready: number[]; pending: number }[] = [];
    const session = new LabSession(
      engine(),
      (m) => {
        if (m.kind === 'event' && m.event.type === 'checkpoints') spares.push(m.event);
      },
      clock,
      Infinity,
    );
    const log = Array.from({ length: 40 }, () => COMMANDS[0]!);
    session.handle({ id: 1, request: { type: 'replay', spec: { labId: 'nat', seed: 1, bare: false, log } } });
    // The replay settled: spares are wanted, but nothing was built nor queued as a macrotask.
    expect(spares.at(-1)!.pending).toBeGreaterThan(0);
    expect(base.pending()).toBe(0);
    expect(timers.map((x) => x.at)).toEqual([QUIET_MS]);
    // Settling again (a command) before the wait is over: the step that comes due waits again.
    t = 100;
    session.handle({ id: 2, request: { type: 'exec', entry: COMMANDS[2]! } });
    t = QUIET_MS;
    timers.shift()!.fn();
    expect(base.pending()).toBe(0);
    expect(timers.map((x) => x.at)).toEqual([100 + QUIET_MS]);
    // Quiet at last: the steps run as macrotasks until every spare is built.
    t = 100 + QUIET_MS;
    timers.shift()!.fn();
    expect(base.pending()).toBeGreaterThan(0);
    base.runAll();
    expect(spares.at(-1)!.pending).toBe(0);
  });
});

describe('spares fold the device counters while they are built', () => {
  test('ifconfig after a fork from a spare counts the frames a replay from 0 counts', () => {
    const log: LogEntry[] = Array.from({ length: 30 }, (_, i) => COMMANDS[i % 3]!);
    const spec: LabSpec = { labId: 'nat', seed: 1, bare: false, log };
    const ifconfig = { type: 'exec', entry: { host: 'client', command: 'ifconfig eth0' } } as const;
    const a = open();
    a.send({ type: 'replay', spec });
    a.clock.runAll();
    expect(a.spares().ready.length).toBeGreaterThan(1);
    a.send({ type: 'fork', keep: 25 });
    a.clock.runAll();
    expect(a.stats()!.spare).toBe(true);
    expect(a.stats()!.from).toBeGreaterThan(0);
    a.send(ifconfig);
    a.clock.runAll();
    const b = open();
    b.send({ type: 'replay', spec: { ...spec, log: log.slice(0, 25) } });
    b.clock.runAll();
    b.send(ifconfig);
    b.clock.runAll();
    const out = (t: ReturnType<typeof open>) =>
      t
        .trace()
        .flatMap((e) => (e.kind === 'cmd.out' ? [e.text] : []))
        .at(-1);
    expect(out(a)).toMatch(/RX packets \d+/);
    expect(out(a)).toBe(out(b));
  });
});

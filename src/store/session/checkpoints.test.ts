import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';
import { fuzzSeed } from '@/embed/fuzzSeed';
import { engine, loadEngine } from '../engine';
import type { LabSpec, LogEntry } from '../labSpec';
import { CHECKPOINT_EVERY, checkpointsFor, MAX_SPARES } from './checkpoints';
import { LabSession } from './labSession';
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

/** A session on a test clock; `trace()` is what its mirror holds now (from the last reset). */
function open() {
  const clock = testClock();
  const messages: SessionMessage[] = [];
  const session = new LabSession(engine(), (m) => messages.push(m), clock, 5);
  let id = 0;
  const send = (request: SessionRequest) => session.handle({ id: ++id, request });
  const since = () =>
    messages.slice(messages.findLastIndex((m) => m.kind === 'event' && m.event.type === 'reset'));
  const trace = () =>
    since().flatMap((m) => (m.kind === 'event' && m.event.type === 'trace-append' ? m.event.events : []));
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
  return { clock, send: sendMarked, trace, replayed };
}

describe('checkpoints for forks', () => {
  test('checkpoints lie strictly inside the log, on the grid, the newest always among them', () => {
    expect(checkpointsFor(CHECKPOINT_EVERY)).toEqual([]);
    expect(checkpointsFor(CHECKPOINT_EVERY + 1)).toEqual([CHECKPOINT_EVERY]);
    for (let n = 0; n < 2000; n += 7) {
      const c = checkpointsFor(n);
      expect(c.length).toBeLessThanOrEqual(MAX_SPARES);
      for (const p of c) {
        expect(p % CHECKPOINT_EVERY).toBe(0);
        expect(p).toBeGreaterThan(0);
        expect(p).toBeLessThan(n);
      }
      if (n > CHECKPOINT_EVERY) expect(c[0]).toBe(Math.floor((n - 1) / CHECKPOINT_EVERY) * CHECKPOINT_EVERY);
    }
  });

  test('a fork from a checkpoint gives the byte-identical trace of a replay from 0, replaying less', () => {
    const log = fc.array(fc.constantFrom(...COMMANDS), { minLength: CHECKPOINT_EVERY + 2, maxLength: 80 });
    fc.assert(
      fc.property(log, fc.nat(), fc.constantFrom(1, 7), (entries, k, seed) => {
        // Mostly past the first checkpoint (where a spare can help), sometimes before it.
        const keep =
          k % 4 === 0
            ? k % (entries.length + 1)
            : CHECKPOINT_EVERY + (k % (entries.length - CHECKPOINT_EVERY + 1));
        const spec: LabSpec = { labId: 'nat', seed, bare: false, log: entries };
        const a = open();
        a.send({ type: 'replay', spec });
        a.clock.runAll(); // the replay, then the spares built in idle time
        a.send({ type: 'fork', keep });
        a.clock.runAll();
        const b = open();
        b.send({ type: 'replay', spec: { ...spec, log: entries.slice(0, keep) } });
        b.clock.runAll();
        expect(JSON.stringify(a.trace())).toBe(JSON.stringify(b.trace()));
        const nearest = Math.max(0, ...checkpointsFor(entries.length).filter((p) => p <= keep));
        if (nearest > 0) expect(a.replayed()).toBeLessThanOrEqual(keep - nearest);
        // From 0, the same fork replays every kept entry (the test clock makes it take several chunks).
        if (keep > 5) expect(b.replayed()).toBe(keep);
      }),
      { seed: fuzzSeed(), numRuns: 8 },
    );
  });
});

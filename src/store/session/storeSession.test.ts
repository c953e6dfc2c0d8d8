import { beforeAll, describe, expect, test } from 'vitest';
import { createAppStore, disposeAppStore, sessionOf } from '../createAppStore';
import { engine, loadEngine } from '../engine';
import type { LogEntry } from '../labSpec';
import { clonedTransport } from './clonedTransport';
import { inPageTransport } from './inPageTransport';
import { testClock } from './testClock';

beforeAll(async () => {
  await loadEngine();
});

const VIP = '172.16.132.18';
const LOG: LogEntry[] = [
  { host: 'director', command: `ipvsadm -E -t ${VIP}:80 -s wrr` },
  { host: 'client', command: `while true; do curl -s ${VIP}; sleep 0.5; done`, maxTimeUs: 2_100_000 },
  { host: 'client', command: `curl -s ${VIP}` },
  { host: 'rs2', command: 'sysctl -w net.ipv4.conf.all.arp_ignore=1' },
];

describe('each store owns its session', () => {
  test('two stores on the same lab never share engine state', () => {
    const a = createAppStore({ persistKey: null, labId: 'nat', startPaused: true });
    const b = createAppStore({ persistKey: null, labId: 'nat', startPaused: true });
    expect(sessionOf(a)).not.toBe(sessionOf(b));
    const before = sessionOf(b).view.trace.length;
    expect(sessionOf(a).view.trace.length).toBe(before);
    a.getState().sendRequest();
    a.getState().runCommand('director', 'ipvsadm -Ln');
    expect(sessionOf(a).view.trace.length).toBeGreaterThan(before);
    expect(sessionOf(b).view.trace.length).toBe(before);
    expect(b.getState().spec.log).toEqual([]);
    // The same work in b gives the same trace, from b's own engine.
    b.getState().loadLab('nat', { log: [...a.getState().spec.log] });
    expect(JSON.stringify(sessionOf(b).view.trace)).toBe(JSON.stringify(sessionOf(a).view.trace));
    disposeAppStore(a);
    expect(() => sessionOf(a)).toThrow();
    expect(sessionOf(b).view.trace.length).toBeGreaterThan(before);
  });
});

describe('a long log replays in chunks, with progress, and can be stopped', () => {
  test('the store shows progress, then opens the lab at the end of what ran', () => {
    const clock = testClock();
    const s = createAppStore({ persistKey: null, transport: inPageTransport(engine(), clock, 2) });
    s.getState().loadLab('nat', { log: LOG });
    expect(s.getState().replay).toMatchObject({ total: LOG.length });
    expect(s.getState().spec.log).toEqual([]);
    const seen: number[] = [];
    for (let i = 0; i < 10_000 && s.getState().replay; i++) {
      seen.push(s.getState().replay!.done);
      clock.runNext();
    }
    expect(new Set(seen).size).toBeGreaterThan(1);
    expect(s.getState().replay).toBeNull();
    expect(s.getState().spec.log).toEqual(LOG);
    expect(s.getState().cursor).toBe(sessionOf(s).view.trace.length);
  });

  test('stopping keeps the commands replayed so far and says how many were not', () => {
    const clock = testClock();
    const s = createAppStore({ persistKey: null, transport: inPageTransport(engine(), clock, 2) });
    s.getState().loadLab('nat', { log: LOG });
    clock.runNext();
    s.getState().stopReplay();
    clock.runAll();
    const st = s.getState();
    expect(st.replay).toBeNull();
    expect(st.spec.log.length).toBeLessThan(LOG.length);
    expect(st.notice).toMatchObject({
      key: 'notice.replayStopped',
      params: { count: LOG.length - st.spec.log.length },
    });
    expect(st.cursor).toBe(sessionOf(s).view.trace.length);
  });
});

describe('over a Worker-like transport (cloned messages, answered a task later)', () => {
  test('requests, a live command, Ctrl-C and a fork give the same log and trace as in the page', () => {
    const script = (s: ReturnType<typeof createAppStore>, settle: () => void) => {
      s.getState().setStartPaused(true);
      s.getState().sendRequest();
      settle();
      s.getState().seek(Number.MAX_SAFE_INTEGER);
      s.getState().startCommand('client', LOG[1]!.command);
      settle();
      for (let i = 0; i < 30; i++) {
        s.getState().advanceRunning();
        settle();
      }
      s.getState().interruptCommand();
      settle();
      s.getState().pause();
      s.getState().seek(sessionOf(s).view.userResults()[0]!.traceTo);
      s.getState().runCommand('director', `ipvsadm -E -t ${VIP}:80 -s wlc`);
      settle();
      return s.getState();
    };
    const clock = testClock();
    const far = createAppStore({
      persistKey: null,
      labId: 'nat',
      transport: clonedTransport(engine(), clock),
    });
    clock.runAll();
    const near = createAppStore({ persistKey: null, labId: 'nat' });
    const a = script(far, () => clock.runAll());
    const b = script(near, () => {});
    expect(a.spec.log).toEqual(b.spec.log);
    expect(a.spec.log.map((e) => e.command)).toEqual([
      'curl -s 172.16.132.18',
      `ipvsadm -E -t ${VIP}:80 -s wlc`,
    ]);
    expect(a.notice?.key).toBe('notice.forked');
    expect(a.cursor).toBe(b.cursor);
    expect(JSON.stringify(sessionOf(far).view.trace)).toBe(JSON.stringify(sessionOf(near).view.trace));
  });
});

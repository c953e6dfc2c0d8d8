import { beforeAll, describe, expect, test } from 'vitest';
import type { TraceSummary } from '@/engine';
import { createAppStore, sessionOf } from '../createAppStore';
import { engine, loadEngine } from '../engine';
import { clonedTransport } from './clonedTransport';
import { inPageTransport } from './inPageTransport';
import type { SessionEvent } from './protocol';
import { testClock } from './testClock';
import { traceKeepFromUrl } from './traceKeep';

beforeAll(async () => {
  await loadEngine();
});

const LOOP = 'while true; do curl -s 172.16.132.18; sleep 0.5; done';
/** Two and a half minutes of the loop: about 300 requests, some 45,000 events (chunks of 16,384). */
const LOOP_US = 150_000_000;
const KEEP = 10_000;

/** A store whose session keeps `keep` events, and the session events it heard. */
function boundStore(cloned: boolean) {
  const clock = testClock();
  const transport = cloned ? clonedTransport(engine(), clock) : inPageTransport(engine(), clock);
  const s = createAppStore({ persistKey: null, transport, labId: 'nat', startPaused: true });
  clock.runAll();
  const heard: SessionEvent[] = [];
  sessionOf(s).onEvent((e) => heard.push(e));
  sessionOf(s).request({ type: 'bound', keep: KEEP });
  clock.runAll();
  return { s, clock, heard };
}

describe('a long session keeps its trace bounded, and the page mirror lets go of the same events', () => {
  for (const cloned of [false, true])
    test(`the mirror summarises what the session did, from the cursor's hold on (${cloned ? 'cloned' : 'in page'})`, () => {
      const { s, clock, heard } = boundStore(cloned);
      // The cursor at the end: nothing before it is held.
      s.getState().runCommand('client', LOOP, { autoplay: false, maxTimeUs: LOOP_US });
      clock.runAll();
      s.getState().seek(Infinity);
      const view = sessionOf(s).view;
      const told = heard.filter((e) => e.type === 'summarised');
      expect(told.length).toBeGreaterThan(0);
      const last = told[told.length - 1] as { first: number; summary: TraceSummary };
      const trace = view.trace;
      expect(trace.first).toBeGreaterThan(0);
      // The page let go of no more than the session, in the same chunks: the same summary.
      expect(trace.first).toBeLessThanOrEqual(last.first);
      if (trace.first === last.first) expect(trace.summarised?.()).toEqual(last.summary);
      expect(trace.summarised?.()!.events).toBe(trace.first);
      // Kept events read in full; summarised ones are configuration or undefined, never other detail.
      expect(trace.at(trace.first!)?.seq).toBe(trace.first);
      for (let i = 0; i < trace.first!; i++) {
        const e = trace.at(i);
        if (e)
          expect(['frame.tx', 'frame.rx', 'ipvs.schedule', 'ipvs.conn', 'cmd.out']).not.toContain(e.kind);
      }
      // The cursor cannot go before the first kept event.
      s.getState().seek(0);
      expect(s.getState().cursor).toBe(trace.first);
    });

  test('the cursor holds the detail after it: the mirror keeps it while the session lets go', () => {
    const { s, clock, heard } = boundStore(false);
    s.getState().seek(sessionOf(s).view.trace.length);
    const held = s.getState().cursor;
    s.getState().runCommand('client', LOOP, { autoplay: false, maxTimeUs: LOOP_US });
    clock.runAll();
    // runCommand leaves the cursor where it was (autoplay off), so the mirror keeps it all.
    const cursor = s.getState().cursor;
    expect(cursor).toBeLessThanOrEqual(held + 1);
    expect(heard.some((e) => e.type === 'summarised')).toBe(true);
    const trace = sessionOf(s).view.trace;
    expect(trace.first ?? 0).toBeLessThanOrEqual(cursor);
    expect(trace.at(cursor)).toBeDefined();
    // Moving the cursor to the end lets go, and the views get a new trace object to rebuild from.
    s.getState().seek(trace.length);
    const after = sessionOf(s).view.trace;
    expect(after).not.toBe(trace);
    expect(after.first).toBeGreaterThan(cursor);
  });

  test('a fork after the session summarised starts the mirror over from the new engine', () => {
    const { s, clock } = boundStore(false);
    s.getState().runCommand('client', LOOP, { autoplay: false, maxTimeUs: LOOP_US });
    clock.runAll();
    s.getState().seek(Infinity);
    expect(sessionOf(s).view.trace.first).toBeGreaterThan(0);
    // Act in the past, before the loop: the new engine's events are all in full detail again.
    let reply = '';
    sessionOf(s).request({ type: 'fork', keep: 0 }, (r) => (reply = r.type));
    clock.runAll();
    expect(reply).toBe('replayed');
    const trace = sessionOf(s).view.trace;
    expect(trace.first ?? 0).toBe(0);
    expect(trace.summarised?.()).toBeUndefined();
    expect(trace.length).toBe(sessionOf(s).view.setupEnd());
    expect(trace.slice().every((e) => e !== undefined)).toBe(true);
  });

  test('?traceKeep=N sets a page’s bound; anything else leaves the default', () => {
    expect(traceKeepFromUrl('?lab=nat&traceKeep=16384')).toBe(16384);
    for (const bad of [
      '',
      '?traceKeep=',
      '?traceKeep=0',
      '?traceKeep=-5',
      '?traceKeep=1e3',
      '?traceKeep=abc',
    ])
      expect(traceKeepFromUrl(bad)).toBeUndefined();
  });
});

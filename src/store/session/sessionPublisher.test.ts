import { beforeAll, expect, test } from 'vitest';
import { engine, loadEngine } from '../engine';
import { LabSession } from './labSession';
import type { SessionMessage } from './protocol';
import { BATCH_EVENTS, BATCH_TEXT } from './sessionPublisher';
import { testClock } from './testClock';

beforeAll(async () => {
  await loadEngine();
});

test('a command that prints a lot reaches the page in bounded trace-append batches, nothing lost', () => {
  const messages: SessionMessage[] = [];
  const session = new LabSession(engine(), (m) => messages.push(m), testClock(), 1e9);
  const log = [
    { host: 'client', command: 'seq 1 30000' },
    { host: 'client', command: 'yes lvs | head -n 20000' },
  ];
  session.handle({ id: 1, request: { type: 'replay', spec: { labId: 'nat', seed: 1, bare: false, log } } });
  const appends = messages.flatMap((m) =>
    m.kind === 'event' && m.event.type === 'trace-append' ? [m.event] : [],
  );
  expect(appends.length).toBeGreaterThan(2);
  let next = 0;
  for (const a of appends) {
    expect(a.from).toBe(next); // each batch starts where the last one ended
    next += a.events.length;
    expect(a.events.length).toBeLessThanOrEqual(BATCH_EVENTS);
    const text = a.events.reduce((n, e) => n + (e.kind === 'cmd.out' ? e.text.length : 0), 0);
    const last = a.events.at(-1)!;
    // Over the text bound only by its last event (a batch holds at least one event).
    expect(text - (last.kind === 'cmd.out' ? last.text.length : 0)).toBeLessThanOrEqual(BATCH_TEXT);
  }
  const rt = engine().LabRuntime.create('nat', { seed: 1 });
  for (const e of log) rt.exec(e);
  expect(next).toBe(rt.trace.length);
  const printed = appends
    .flatMap((a) => a.events)
    .filter((e) => e.kind === 'cmd.out' && e.host === 'client')
    .map((e) => (e.kind === 'cmd.out' ? e.text : ''))
    .join('');
  expect(printed).toContain('29999\n30000\n');
  expect(printed.split('lvs\n').length - 1).toBe(20000);
});

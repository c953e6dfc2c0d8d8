import { beforeAll, expect, test } from 'vitest';
import type { LabRuntime } from '@/engine';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { formatMicros } from '../format';
import { eventText } from '../model/eventText';
import { eventWhy } from '../model/eventWhy';
import type { Message } from '../model/message';
import { buildTraceModel, traceModelFor } from '../model/traceModel';
import { rowText } from './rowText';

/** A stand-in translation: the key and its parameters, nested messages rendered the same way. */
const render = (m: Message): string =>
  `${m.key}(${Object.entries(m.params ?? {})
    .map(([k, v]) => `${k}=${typeof v === 'object' ? render(v) : String(v)}`)
    .join(',')})`;

let rt: LabRuntime;
beforeAll(() => {
  rt = labAfterRequest('nat');
});

test("every row's words are the event's own text, why, time and host", () => {
  const model = buildTraceModel(rt.trace);
  for (let i = 0; i < model.trace.length; i++) {
    const e = model.trace.at(i)!;
    const why = eventWhy(e);
    expect(rowText(model, i, render)).toMatchObject({
      kind: e.kind,
      time: formatMicros(e.t),
      host: e.host ?? '',
      text: render(eventText(e, model.hops)),
      why: why ? render(why) : '',
    });
  }
});

test('words built before the trace grew are still the words after it (a live command appends)', () => {
  const owner = {};
  const before = traceModelFor(owner, rt.trace);
  const n = before.trace.length;
  const early = Array.from({ length: n }, (_, i) => rowText(before, i, render));
  rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
  const after = traceModelFor(owner, rt.trace);
  expect(after.trace.length).toBeGreaterThan(n);
  for (let i = 0; i < n; i++) {
    const e = after.trace.at(i)!;
    // Kept, not rebuilt (the same object), and what a rebuild would say.
    expect(rowText(after, i, render)).toBe(early[i]);
    expect(early[i]!.text).toBe(render(eventText(e, after.hops)));
  }
});

test('a fork keeps the words of the events it shares with the trace it was made from, and only those', () => {
  // Two histories from one start: the second is what acting in the past at `kept` makes.
  const ra = labAfterRequest('nat');
  ra.exec({ host: 'rs1', command: 'ip link set eth0 down' });
  ra.exec({ host: 'client', command: 'curl -s --max-time 1 172.16.132.18' });
  const rb = labAfterRequest('nat');
  rb.exec({ host: 'director', command: 'ipvsadm -E -t 172.16.132.18:80 -s wrr' });
  rb.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
  const a = ra.trace.slice();
  const b = rb.trace.slice();
  const n = Math.min(a.length, b.length);
  let kept = 0;
  while (kept < n && JSON.stringify(a[kept]) === JSON.stringify(b[kept])) kept++;
  const before = buildTraceModel(a);
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(n);
  const early = Array.from({ length: n }, (_, i) => rowText(before, i, render));
  const fork = buildTraceModel(Object.assign(b, { source: { base: before.trace, kept } }));
  for (let i = 0; i < n; i++) {
    const e = fork.trace.at(i)!;
    const words = rowText(fork, i, render);
    // Kept (the same object) where shared, built afresh after; the fork's own words either way.
    if (i < kept) expect(words).toBe(early[i]);
    else expect(words).not.toBe(early[i]);
    expect(words.text).toBe(render(eventText(e, fork.hops)));
  }
});

test('another language builds the words again', () => {
  const model = buildTraceModel(rt.trace);
  const e = model.trace.at(model.trace.length - 1)!;
  const en = rowText(model, e.seq, render);
  const other = (m: Message) => `zh:${render(m)}`;
  const zh = rowText(model, e.seq, other);
  expect(zh).not.toBe(en);
  expect(zh.text).toBe(`zh:${en.text}`);
});

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
    expect(rowText(model, e, render)).toMatchObject({
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
  const early = Array.from({ length: n }, (_, i) => rowText(before, before.trace.at(i)!, render));
  rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
  const after = traceModelFor(owner, rt.trace);
  expect(after.trace.length).toBeGreaterThan(n);
  for (let i = 0; i < n; i++) {
    const e = after.trace.at(i)!;
    // Kept, not rebuilt (the same object), and what a rebuild would say.
    expect(rowText(after, e, render)).toBe(early[i]);
    expect(early[i]!.text).toBe(render(eventText(e, after.hops)));
  }
});

test('another language builds the words again', () => {
  const model = buildTraceModel(rt.trace);
  const e = model.trace.at(model.trace.length - 1)!;
  const en = rowText(model, e, render);
  const other = (m: Message) => `zh:${render(m)}`;
  const zh = rowText(model, e, other);
  expect(zh).not.toBe(en);
  expect(zh.text).toBe(`zh:${en.text}`);
});

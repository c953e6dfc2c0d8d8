import { beforeAll, describe, expect, test } from 'vitest';
import { loadEngine } from './engine';
import { emptySpec } from './labSpec';
import { openSession } from './session/openSession';
import { decodeLab, encodeLab, linkCursor, runnableSpec } from './share';

beforeAll(async () => {
  await loadEngine();
});

describe('a lab as a share string', () => {
  const spec = {
    ...emptySpec('dr', 9),
    log: [
      { host: 'rs1', command: 'sysctl -w net.ipv4.conf.all.arp_ignore=0' },
      { host: 'client', command: 'curl -s 192.168.99.188' },
    ],
  };

  test('lab, log, cursor, language, scheme and later fields come back; the cursor lands on the same event', () => {
    const trace = openSession(spec).trace.slice();
    const cursor = trace.length - 7;
    const text = encodeLab(spec, {
      cursor,
      trace,
      language: 'zh-CN',
      scheme: 'dark',
      extra: { lesson: 'arp-1' },
    });
    const back = decodeLab(text)!;
    expect(back.spec).toEqual(spec);
    expect(back.language).toBe('zh-CN');
    expect(back.scheme).toBe('dark');
    expect(back.extra).toEqual({ lesson: 'arp-1' });
    expect(linkCursor(trace, { cursor: back.cursor })).toBe(cursor);
  });

  test('at the end of the trace no cursor is written, and the link opens at the end', () => {
    const trace = openSession(spec).trace.slice();
    const back = decodeLab(encodeLab(spec, { cursor: trace.length, trace }))!;
    expect(back.cursor).toBeUndefined();
    expect(linkCursor(trace, {})).toBe(trace.length);
  });

  test('at and step put the cursor where the contract says, clamped to the trace', () => {
    const trace = openSession(spec).trace.slice();
    const t = trace[20]!.t;
    const first = trace.findIndex((e) => e.t >= t);
    expect(linkCursor(trace, { at: t })).toBe(first + 1);
    expect(linkCursor(trace, { step: 5 })).toBe(5);
    expect(linkCursor(trace, { step: 10 ** 12 })).toBe(trace.length);
  });

  test('commands on hosts the lab at its size lacks are left out, counted', () => {
    const log = [...spec.log, { host: 'rs3', command: 'hostname' }];
    const { spec: runnable, dropped } = runnableSpec({ ...spec, log });
    expect(dropped).toBe(1);
    expect(runnable.log).toEqual(spec.log);
    expect(runnableSpec(spec).spec).toBe(spec);
    const big = { ...spec, servers: 3, log };
    expect(runnableSpec(big).spec).toBe(big);
  });
});

import { describe, expect, test } from 'vitest';
import type { EngineEvent } from './traceEvents';
import { StickyEvents } from './traceSticky';

const ev = (t: number, cmd: string) =>
  ({ kind: 'cmd.start', host: 'client', cmd, t }) as unknown as EngineEvent & { t: number };

describe('StickyEvents', () => {
  test('kept events are found by their seq; others read as undefined', () => {
    const s = new StickyEvents();
    expect(s.at(0)).toBeUndefined();
    expect(s.columnBytes()).toBe(0);
    // Past the first 64 seqs, so the seq list grows.
    for (let i = 0; i < 100; i++) s.keep(ev(i * 10, `c${i}`), i * 3 + 1);
    expect(s.length).toBe(100);
    expect(s.kindAt(31)).toBe('cmd.start');
    expect(s.timeAt(31)).toBe(100);
    expect(s.at(298)).toMatchObject({ cmd: 'c99', t: 990 });
    expect(s.at(30)).toBeUndefined();
    expect(s.kindAt(299)).toBeUndefined();
    const seen: number[] = [];
    s.each(5, 17, (q) => seen.push(q));
    expect(seen).toEqual([7, 10, 13, 16]);
  });

  test('truncate forgets the events of a seq and later', () => {
    const s = new StickyEvents();
    for (let i = 0; i < 10; i++) s.keep(ev(i, `c${i}`), i * 2);
    s.truncate(9);
    expect(s.length).toBe(5);
    expect(s.at(8)).toMatchObject({ cmd: 'c4' });
    expect(s.at(10)).toBeUndefined();
    s.keep(ev(50, 'again'), 9);
    expect(s.at(9)).toMatchObject({ cmd: 'again', t: 50 });
  });
});

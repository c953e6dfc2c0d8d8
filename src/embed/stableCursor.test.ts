import { describe, expect, it } from 'vitest';
import { cursorAtOrAfter, cursorToStable, stableToCursor } from './stableCursor';

const ev = (t: number, kind: string) => ({ t, kind });
const trace = [
  ev(0, 'cmd'),
  ev(5, 'frame.tx'),
  ev(5, 'arp'),
  ev(5, 'frame.tx'),
  ev(9, 'frame.rx'),
  ev(9, 'frame.tx'),
];

describe('stable cursor', () => {
  it('names the last applied event by time, kind and ordinal', () => {
    expect(cursorToStable(trace, 0)).toEqual({ t: 0, kind: '', ordinal: 0 });
    expect(cursorToStable(trace, 2)).toEqual({ t: 5, kind: 'frame.tx', ordinal: 0 });
    expect(cursorToStable(trace, 4)).toEqual({ t: 5, kind: 'frame.tx', ordinal: 1 });
    expect(cursorToStable(trace, 99)).toEqual({ t: 9, kind: 'frame.tx', ordinal: 0 });
  });

  it('reads the kinds of a compact log from its shapes, building only the event it names', () => {
    let built = 0;
    const log = {
      length: trace.length,
      at: (i: number) => (built++, trace[i]),
      timeAt: (i: number) => trace[i]?.t,
      kindAt: (i: number) => trace[i]?.kind,
    };
    expect(cursorToStable(log, 4)).toEqual({ t: 5, kind: 'frame.tx', ordinal: 1 });
    expect(built).toBe(1);
    built = 0;
    for (let c = 0; c <= trace.length; c++) expect(stableToCursor(log, cursorToStable(log, c))).toBe(c);
    expect(built).toBeLessThanOrEqual(trace.length);
  });

  it('round-trips every cursor of a trace', () => {
    for (let c = 0; c <= trace.length; c++) expect(stableToCursor(trace, cursorToStable(trace, c))).toBe(c);
  });

  it('lands on the same event after other kinds were added or folded', () => {
    const stable = cursorToStable(trace, 4);
    const grown = [
      ev(0, 'cmd'),
      ev(5, 'hook'),
      ev(5, 'frame.tx'),
      ev(5, 'arp'),
      ev(5, 'hook'),
      ev(5, 'frame.tx'),
      ev(9, 'frame.rx'),
    ];
    expect(stableToCursor(grown, stable)).toBe(6);
    const folded = trace.filter((e) => e.kind !== 'arp');
    expect(stableToCursor(folded, stable)).toBe(3);
  });

  it('falls back to the last such event, then to everything up to that time', () => {
    expect(stableToCursor(trace, { t: 5, kind: 'frame.tx', ordinal: 7 })).toBe(4);
    expect(stableToCursor(trace, { t: 5, kind: 'gone', ordinal: 0 })).toBe(4);
    expect(stableToCursor(trace, { t: 7, kind: 'gone', ordinal: 0 })).toBe(4);
    expect(stableToCursor([], { t: 7, kind: 'x', ordinal: 0 })).toBe(0);
  });

  it('`at` puts the cursor on the first event at or after that time', () => {
    expect(cursorAtOrAfter(trace, 0)).toBe(1);
    expect(cursorAtOrAfter(trace, 1)).toBe(2);
    expect(cursorAtOrAfter(trace, 9)).toBe(5);
    expect(cursorAtOrAfter(trace, 10)).toBe(6);
  });
});

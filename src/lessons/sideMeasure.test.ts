/**
 * The measures read kinds and times from the trace's columns where it has them: the same
 * figures as from the events themselves (a plain array of events has no columns).
 */
import { describe, expect, it } from 'vitest';
import { engine } from '@/store/engine';
import type { TraceEvent } from '@/engine';
import { measure } from './sideMeasure';
import type { Measure } from './types';

const MEASURES: Measure[] = ['directorBytes', 'directorBusy', 'elapsed'];

describe('side measures', () => {
  it('give the same figures from the compact trace as from its events, over any window', () => {
    const rt = engine().LabRuntime.create('nat', { seed: 1 });
    rt.exec({ host: 'client', command: 'curl -s http://172.16.132.18/' });
    const mid = rt.trace.length;
    rt.exec({ host: 'client', command: 'curl -s http://172.16.132.18/' });
    const events: TraceEvent[] = rt.trace.slice();
    expect('kindAt' in events).toBe(false);
    const windows = [
      [0, rt.trace.length],
      [mid, rt.trace.length],
      [0, mid],
      [mid + 5, rt.trace.length + 10],
      [mid, mid],
    ] as const;
    for (const [from, to] of windows)
      for (const m of MEASURES)
        expect(measure(m, { trace: rt.trace, from, to }), `${m} ${from}-${to}`).toBe(
          measure(m, { trace: events, from, to }),
        );
    // Not zeros on both sides: the window of the second curl has bytes, time and a command.
    for (const m of MEASURES)
      expect(measure(m, { trace: rt.trace, from: mid, to: rt.trace.length })).toBeGreaterThan(0);
  });
});

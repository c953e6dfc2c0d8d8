import { describe, expect, test } from 'vitest';
import { LabRuntime } from '@/engine';
import { busySpan } from './busySpan';

describe('busySpan', () => {
  test("the director's span grows with the requests it carried, and is 0 before any", () => {
    const rt = LabRuntime.create('nat');
    const from = rt.trace.length;
    rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
    const mid = rt.trace.length;
    rt.exec({ host: 'client', command: 'curl -s 172.16.132.18' });
    const span = busySpan(rt.trace, 'director', from);
    expect(span(from)).toBe(0);
    const frames = rt.trace.slice(from).filter((e) => e.host === 'director' && e.kind === 'frame.tx');
    expect(span(rt.trace.length)).toBe(
      frames.at(-1)!.t -
        rt.trace
          .slice(from)
          .find((e) => e.host === 'director' && (e.kind === 'frame.rx' || e.kind === 'frame.tx'))!.t,
    );
    expect(span(mid)).toBeGreaterThan(0);
    expect(span(mid)).toBeLessThan(span(rt.trace.length));
  });
});

import { expect, test } from 'vitest';
import type { TraceLog } from '@/engine';
import { labAfterRequest } from '@/engine/testing/configuredLabs';
import { buildTraceModel } from '../model/traceModel';
import { frameAtCursor } from './useInspectedFrame';

/** The newest frame event before the cursor, by reading every event back from it. */
function byReading(trace: TraceLog, cursor: number): string | undefined {
  for (let i = cursor - 1; i >= 0; i--) {
    const e = trace.at(i)!;
    if (e.kind === 'frame.tx' || e.kind === 'frame.rx') return String(e.frame);
  }
  return undefined;
}

test('the inspector follows the newest frame before the cursor, read by kinds or by events', () => {
  const rt = labAfterRequest('nat');
  // The runtime's trace reads kinds without building events; a plain array has no kindAt.
  for (const trace of [rt.trace, rt.trace.slice()] as TraceLog[]) {
    const model = buildTraceModel(trace);
    let frames = 0;
    for (let cursor = 0; cursor <= trace.length; cursor++) {
      const want = byReading(trace, cursor);
      if (want !== undefined) frames++;
      expect(frameAtCursor(model, cursor)?.frame).toBe(want);
      // Asked again (every animation frame asks): the same answer.
      expect(frameAtCursor(model, cursor)?.frame).toBe(want);
    }
    expect(frames).toBeGreaterThan(0);
  }
});

test('the inspector follows the same frame whatever cursor it was asked about before', () => {
  const rt = labAfterRequest('nat');
  const trace = rt.trace;
  const model = buildTraceModel(trace);
  // Backward one by one, then jumps both ways (a fixed scramble): each answer as by reading.
  const order: number[] = [];
  for (let c = trace.length; c >= 0; c--) order.push(c);
  for (let k = 0, c = 0; k < 2000; k++) order.push((c = (c * 7919 + 104729 + k) % (trace.length + 1)));
  let changes = 0;
  let before: string | undefined;
  for (const cursor of order) {
    const got = frameAtCursor(model, cursor)?.frame;
    expect(got).toBe(byReading(trace, cursor));
    if (got !== before) changes++;
    before = got;
  }
  expect(changes).toBeGreaterThan(100);
});

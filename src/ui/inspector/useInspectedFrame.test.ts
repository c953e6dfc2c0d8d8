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

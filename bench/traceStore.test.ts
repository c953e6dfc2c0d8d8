/**
 * The trace store bench (traceStore.bench.ts) replays what the lab runner pushed: replayed into a
 * fresh store, the pushes read back as the events the lab's own trace holds, so the bench measures
 * the store doing the work it does for the lab runner.
 */
import { describe, expect, it } from 'vitest';
import { TraceStore } from '../src/engine/core/traceStore';
import type { EngineEvent } from '../src/engine/core/traceEvents';
import { recordPushes, replayRequest } from './traceStore.bench';

describe('trace store bench', () => {
  it('replays the pushes of lab runner requests as the events the trace recorded', () => {
    const { rec, rt } = recordPushes('nat', 3);
    expect(rec.starts).toHaveLength(4);
    // Fixed kinds (hook passages, routes, frames) and event objects (commands) both recorded.
    expect(rec.pushes.some((p) => p.f !== undefined)).toBe(true);
    expect(rec.pushes.some((p) => p.f === undefined)).toBe(true);
    // The scheduler's decision goes by its own call (pushIdRecord): one per request.
    expect(rec.pushes.filter((p) => p.idRecord === true)).toHaveLength(3);
    const store = new TraceStore<EngineEvent>();
    for (let r = 0; r < 3; r++) replayRequest(store, rec, r, 0);
    expect(store.length).toBe(rec.pushes.length);
    expect(rt.trace.length).toBe(rec.from + rec.pushes.length);
    for (let j = 0; j < store.length; j++) {
      const { seq: _replayed, ...got } = store.at(j)!;
      const { seq: _recorded, ...want } = rt.trace.at(rec.from + j)!;
      expect(got).toEqual(want);
    }
    // A later turn: the same events, stamped later.
    replayRequest(store, rec, 0, rec.span);
    const first = rec.pushes.length;
    expect(store.at(first)!.kind).toBe(rt.trace.at(rec.from)!.kind);
    expect(store.timeAt(first)).toBe(rt.trace.at(rec.from)!.t + rec.span);
  });
});

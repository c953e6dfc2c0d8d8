import { useCallback } from 'react';
import type { AppState } from '@/store/types';
import { engine } from '@/store/engine';
import { useAppStore } from '@/store/useAppStore';
import { useSettledStore } from '../hooks/useSettledStore';
import type { Hop } from '../model/frameHops';
import type { TraceModel } from '../model/traceModel';

/** The last answer of frameAtCursor: it is asked again at every store change (each animation frame). */
let last: { model: TraceModel; length: number; cursor: number; hop: Hop | undefined } | undefined;

/**
 * The newest frame event at or before the cursor: what "follow playback" shows. Kinds are read
 * without building events (a packet's hook passages lie between two frame events, and each
 * random read decodes back to its checkpoint); only the frame event found is built.
 */
export function frameAtCursor(model: TraceModel, cursor: number): Hop | undefined {
  const { trace } = model;
  const { kindOf } = engine();
  if (last && last.model === model && last.cursor === cursor && last.length === trace.length) return last.hop;
  let hop: Hop | undefined;
  for (let i = Math.min(cursor, trace.length) - 1; i >= (trace.first ?? 0); i--) {
    const kind = kindOf(trace, i);
    if (kind !== 'frame.tx' && kind !== 'frame.rx') continue;
    const e = trace.at(i)!;
    if (e.kind === 'frame.tx' || e.kind === 'frame.rx') hop = model.hops.byFrame.get(String(e.frame));
    break;
  }
  last = { model, length: trace.length, cursor, hop };
  return hop;
}

/** The frame the packet inspector shows: the one clicked, else the one playback is at. */
export function useInspectedFrame(model: TraceModel): { hop: Hop | undefined; pinned: boolean } {
  const selected = useAppStore((s) => s.selectedFrame);
  // Following playback, the inspector changes a few times a second, not every frame.
  const follow = useCallback(
    (s: AppState) => (selected ? undefined : frameAtCursor(model, s.cursor)?.frame),
    [model, selected],
  );
  const followed = useSettledStore(follow);
  const id = selected ?? followed;
  return { hop: id ? model.hops.byFrame.get(id) : undefined, pinned: selected !== null };
}

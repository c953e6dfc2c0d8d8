import { useCallback } from 'react';
import type { AppState } from '@/store/types';
import { engine } from '@/store/engine';
import { useAppStore } from '@/store/useAppStore';
import { useSettledStore } from '../hooks/useSettledStore';
import type { Hop } from '../model/frameHops';
import type { TraceModel } from '../model/traceModel';

/**
 * The last answer of frameAtCursor: it is asked again at every store change (each animation
 * frame). `index` is the frame event found (-1: none); no frame event lies after it and before
 * `cursor`, so any cursor in (index, cursor] has the same answer.
 */
let last:
  { model: TraceModel; length: number; cursor: number; index: number; hop: Hop | undefined } | undefined;

/**
 * The newest frame event at or before the cursor: what "follow playback" shows. Kinds are read
 * without building events (a packet's hook passages lie between two frame events, and each
 * random read decodes back to its checkpoint); only the frame event found is built. Playback
 * moving on reads only the kinds it passed, and builds no event unless a new frame event is among them.
 */
export function frameAtCursor(model: TraceModel, cursor: number): Hop | undefined {
  const { trace } = model;
  const { kindOf } = engine();
  const end = Math.min(cursor, trace.length);
  const same = last && last.model === model && last.length <= trace.length;
  if (same && last!.cursor === end && last!.length === trace.length) return last!.hop;
  // Back to a cursor no earlier than the answer's frame event: the same answer.
  if (same && last!.index < end && end <= last!.cursor) {
    Object.assign(last!, { cursor: end, length: trace.length });
    return last!.hop;
  }
  // Forward: only the events passed since can hold a newer frame event.
  const stop = same && last!.cursor < end ? last!.cursor : (trace.first ?? 0);
  let index = -1;
  for (let i = end - 1; i >= stop; i--) {
    const kind = kindOf(trace, i);
    if (kind === 'frame.tx' || kind === 'frame.rx') {
      index = i;
      break;
    }
  }
  let hop: Hop | undefined;
  if (index < 0 && stop > (trace.first ?? 0)) {
    // None passed: the answer before still holds.
    index = last!.index;
    hop = last!.hop;
  } else if (index >= 0) {
    const e = trace.at(index)!;
    if (e.kind === 'frame.tx' || e.kind === 'frame.rx') hop = model.hops.byFrame.get(String(e.frame));
  }
  last = { model, length: trace.length, cursor: end, index, hop };
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

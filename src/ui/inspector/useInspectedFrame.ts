import { useCallback } from 'react';
import type { AppState } from '@/store/types';
import { useAppStore } from '@/store/useAppStore';
import { useSettledStore } from '../hooks/useSettledStore';
import type { Hop } from '../model/frameHops';
import type { TraceModel } from '../model/traceModel';

/** The newest frame event at or before the cursor: what "follow playback" shows. */
export function frameAtCursor(model: TraceModel, cursor: number): Hop | undefined {
  for (let i = Math.min(cursor, model.trace.length) - 1; i >= (model.trace.first ?? 0); i--) {
    const e = model.trace.at(i)!;
    if (e.kind === 'frame.tx' || e.kind === 'frame.rx') return model.hops.byFrame.get(String(e.frame));
  }
  return undefined;
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

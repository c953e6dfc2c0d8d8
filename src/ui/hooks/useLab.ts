import type { LabDefinition } from '@/engine';
import { sessionOf } from '@/store/createAppStore';
import type { SessionView } from '@/store/session/sessionView';
import type { AppStore } from '@/store/createAppStore';
import { useAppStore, useStoreApi } from '@/store/useAppStore';
import { traceModelFor } from '../model/traceModel';
import type { TraceModel } from '../model/traceModel';

export interface LabView {
  /** What the lab's session published: trace, results, host names, sysctls at a cursor. */
  runtime: SessionView;
  def: LabDefinition;
  model: TraceModel;
  revision: number;
}

/**
 * The store's lab session as the views see it, and the trace model derived from it. Nothing is
 * run here: the session replays in the store's actions, and render only reads what it published.
 */
export function useLab(): LabView {
  const store = useStoreApi();
  useAppStore((s) => s.spec);
  const revision = useAppStore((s) => s.revision);
  const runtime = sessionOf(store).view;
  const model = traceModelFor(runtime, runtime.trace);
  return { runtime, def: runtime.def, model, revision };
}

/** The trace model of a store's session now: for listeners that draw outside React's renders. */
export function modelOfStore(store: AppStore): TraceModel {
  const runtime = sessionOf(store).view;
  return traceModelFor(runtime, runtime.trace);
}

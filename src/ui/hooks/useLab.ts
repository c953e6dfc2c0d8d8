import type { LabDefinition, LabRuntime } from '@/engine';
import { getRuntime } from '@/store/runtimeCache';
import { useAppStore } from '@/store/useAppStore';
import { traceModelFor } from '../model/traceModel';
import type { TraceModel } from '../model/traceModel';

export interface LabView {
  runtime: LabRuntime;
  def: LabDefinition;
  model: TraceModel;
  revision: number;
}

/** The running lab behind the store's spec, and the trace model derived from it. */
export function useLab(): LabView {
  const spec = useAppStore((s) => s.spec);
  const revision = useAppStore((s) => s.revision);
  const runtime = getRuntime(spec);
  const model = traceModelFor(runtime, runtime.trace);
  return { runtime, def: runtime.def, model, revision };
}

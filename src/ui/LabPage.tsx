import { useEffect } from 'react';
import { useAppStore, useStoreApi } from '@/store/useAppStore';
import { LabView } from './LabView';
import type { Route } from './router/route';

/** Opens the lab the URL names (keeping its saved session), then shows it. */
export function LabPage({ route }: { route: Extract<Route, { page: 'lab' }> }) {
  const store = useStoreApi();
  const labId = useAppStore((s) => s.spec.labId);
  const { labId: wanted, seed, paused } = route;
  useEffect(() => {
    const s = store.getState();
    if (s.spec.labId !== wanted || (seed !== undefined && seed !== s.spec.seed)) {
      s.loadLab(wanted, seed !== undefined ? { seed } : {});
    }
    if (paused) s.setStartPaused(true);
  }, [store, wanted, seed, paused]);
  if (labId !== wanted) return null;
  return <LabView />;
}

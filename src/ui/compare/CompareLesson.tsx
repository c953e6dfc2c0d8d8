import { lazy, Suspense, useMemo } from 'react';
import type { AppStore } from '@/store/createAppStore';
import { StoreProvider } from '@/store/StoreProvider';
import { CompareSidesContext } from '../lessons/compareSides';
import '../lessons/lessons.css';

const LessonSide = lazy(() => import('../lessons/LessonSide').then((m) => ({ default: m.LessonSide })));

/** The lesson player beside the side-by-side view: it reads NAT's store and drives both labs. */
export function CompareLesson({
  stores,
  onActive,
}: {
  stores: [AppStore, AppStore];
  onActive: (active: boolean) => void;
}) {
  const sides = useMemo(() => ({ nat: stores[0], dr: stores[1] }), [stores]);
  return (
    <CompareSidesContext.Provider value={sides}>
      <StoreProvider store={stores[0]}>
        <Suspense fallback={null}>
          <LessonSide onActive={onActive} chooser={false} />
        </Suspense>
      </StoreProvider>
    </CompareSidesContext.Provider>
  );
}

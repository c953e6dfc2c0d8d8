import { useMemo } from 'react';
import { useAppStoreShallow } from '@/store/useAppStore';
import { eventCategory } from '../model/eventCategory';
import type { TraceModel } from '../model/traceModel';

/** Trace positions that pass the host and category filters (all of them when none is set). */
export function useFilteredEvents(model: TraceModel): number[] {
  const { host, cats } = useAppStoreShallow((s) => ({ host: s.filterHost, cats: s.filterCategories }));
  return useMemo(() => {
    const out: number[] = [];
    for (const e of model.trace) {
      if (host && e.host !== host) continue;
      if (cats.length && !cats.includes(eventCategory(e, model.hops))) continue;
      out.push(e.seq);
    }
    return out;
  }, [model, host, cats]);
}

/** The last filtered position at or before the cursor's event (binary search). */
export function rowAtCursor(rows: readonly number[], cursor: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (rows[mid]! <= cursor - 1) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

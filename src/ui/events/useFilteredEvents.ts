import { useMemo } from 'react';
import { useAppStoreShallow } from '@/store/useAppStore';
import { eventCategory } from '../model/eventCategory';
import type { TraceModel } from '../model/traceModel';

/**
 * Trace positions that pass the host and category filters (all of them when none is set). The
 * `findings` chip lets through the events a finding that has happened is anchored at.
 */
export function useFilteredEvents(model: TraceModel, findingAt: ReadonlySet<number>): number[] {
  const { host, cats } = useAppStoreShallow((s) => ({ host: s.filterHost, cats: s.filterCategories }));
  return useMemo(() => {
    const out: number[] = [];
    const withFindings = cats.includes('findings');
    for (const e of model.trace) {
      if (host && e.host !== host) continue;
      if (
        cats.length &&
        !cats.includes(eventCategory(e, model.hops)) &&
        !(withFindings && findingAt.has(e.seq))
      )
        continue;
      out.push(e.seq);
    }
    return out;
  }, [model, host, cats, findingAt]);
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

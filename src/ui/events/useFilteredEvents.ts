import { useMemo, useRef } from 'react';
import { useAppStore } from '@/store/useAppStore';
import { eventCategory } from '../model/eventCategory';
import { countBelow, letGoOf } from '../model/letGoPrefix';
import { sharedPrefix } from '../model/sharedPrefix';
import type { TraceModel } from '../model/traceModel';

/**
 * Trace positions that pass the host and category filters (all of them when none is set). The
 * `findings` chip lets through the events a finding that has happened is anchored at.
 */
export function useFilteredEvents(model: TraceModel, findingAt: ReadonlySet<number>): readonly number[] {
  // Two plain selections, not one shallow-compared object: every store change (each animation
  // frame while the clock moves) checks them, and zustand's shallow compare builds two Maps a check.
  const host = useAppStore((s) => s.filterHost);
  const cats = useAppStore((s) => s.filterCategories);
  const cache = useRef<Filtered | undefined>(undefined);
  return useMemo(() => {
    cache.current = filterRows(cache.current, model, host, cats, findingAt);
    // The one array, grown in place (read it in this render): a copy per growth of a live
    // command's trace cost O(events) per frame, 20–100 ms at 5,000 requests.
    return cache.current.out;
  }, [model, host, cats, findingAt]);
}

/**
 * The rows for these filters, from the last answer `c`: the trace grows in place while a command
 * runs, so only what was appended is filtered (a runaway command's trace reaches 10⁵ events, and
 * this runs every time it grows); a fork's trace shares its first events, and their rows, with
 * the trace it was made from, and a trace that let go of old detail all of its rows from its
 * first kept event on (filterRowsAfterLetGo). `c.out` is grown in place.
 */
export function filterRows(
  c: Filtered | undefined,
  model: TraceModel,
  host: string | null,
  cats: readonly string[],
  findingAt: ReadonlySet<number>,
): Filtered {
  const withFindings = cats.includes('findings');
  const key = { trace: model.trace, host, cats, findings: withFindings ? findingAt : null };
  const trace = model.trace;
  const sameFilters =
    c !== undefined && c.key.host === host && c.key.cats === cats && c.key.findings === key.findings;
  const same = sameFilters && c.key.trace === trace && c.upTo <= trace.length;
  if (sameFilters && !same) {
    const moved = filterRowsAfterLetGo(c, model, host, cats, findingAt);
    if (moved) return moved;
  }
  const shared = sameFilters && !same ? sharedPrefix(trace) : undefined;
  const kept = shared && shared.base === c!.key.trace ? Math.min(shared.kept, c!.upTo) : 0;
  const out = same ? c.out : kept > 0 ? c!.out.slice(0, rowAtCursor(c!.out, kept) + 1) : [];
  // A long session's summarised events have no row (the list shows their summary).
  const from = same ? c.upTo : Math.max(kept, trace.first ?? 0);
  // No filter: every kept event is a row, its position its seq; none is built to say so (a
  // long command's 50,000 events built in one render were a 50 ms task).
  if (!host && !cats.length) for (let i = from; i < trace.length; i++) out.push(i);
  else
    for (let i = from; i < trace.length; i++) {
      const e = trace.at(i);
      if (!e) continue;
      if (host && e.host !== host) continue;
      if (
        cats.length &&
        !cats.includes(eventCategory(e, model.hops)) &&
        !(withFindings && findingAt.has(e.seq))
      )
        continue;
      out.push(e.seq);
    }
  return { key, upTo: trace.length, out };
}

/**
 * The rows of a trace that replaced `c`'s when old detail was let go: `c`'s rows from the first
 * kept event on, then the new events filtered. Undefined when they might not be what filtering
 * from the first kept event gives: a frame.rx whose frame.tx was let go has no hop, so it is no
 * longer an ARP frame but a TCP one (the same only if the filters take both or neither).
 */
function filterRowsAfterLetGo(
  c: Filtered,
  model: TraceModel,
  host: string | null,
  cats: readonly string[],
  findingAt: ReadonlySet<number>,
): Filtered | undefined {
  const letGo = letGoOf(model.trace);
  if (!letGo || letGo.base !== c.key.trace || c.upTo < letGo.first || c.upTo > model.trace.length) return;
  if (cats.includes('arp') !== cats.includes('tcp')) return;
  const out = c.out.slice(countBelow(c.out, letGo.first, (s) => s));
  return filterRows(
    { key: { ...c.key, trace: model.trace }, upTo: c.upTo, out },
    model,
    host,
    cats,
    findingAt,
  );
}

export interface Filtered {
  key: {
    trace: TraceModel['trace'];
    host: string | null;
    cats: readonly string[];
    findings: ReadonlySet<number> | null;
  };
  upTo: number;
  out: number[];
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

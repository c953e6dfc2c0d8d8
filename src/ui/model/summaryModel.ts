import type { TraceLog } from '@/engine';
import type { DestView } from './ipvsState';

/** What a long session's trace summarised, as the event list shows it in one row. */
export interface SummaryView {
  /** Events summarised, and the first event kept in full detail after them. */
  events: number;
  firstKept: number;
  /** Virtual time of the first and last summarised event, µs. */
  fromUs: number;
  toUs: number;
  /** Events per kind, the most frequent first (ties in the order the kinds first appeared). */
  kinds: { kind: string; count: number }[];
  /** Scheduling decisions among them. */
  decisions: number;
}

/** The summary of `trace`, or undefined when it keeps every event in full detail. */
export function summaryOf(trace: TraceLog): SummaryView | undefined {
  const s = trace.summarised?.();
  if (!s || s.events === 0) return undefined;
  const kinds = Object.entries(s.byKind)
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count);
  return {
    events: s.events,
    firstKept: trace.first ?? 0,
    fromUs: s.fromUs,
    toUs: s.toUs,
    kinds,
    decisions: s.decisions.reduce((n, d) => n + d.count, 0),
  };
}

/** Summarised scheduling decisions of one virtual service, per real server chosen. */
export function summarisedPicks(trace: TraceLog, service: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of trace.summarised?.()?.decisions ?? [])
    if (d.service === service && d.dest !== null) out.set(d.dest, (out.get(d.dest) ?? 0) + d.count);
  return out;
}

/**
 * The real servers with the summarised decisions added to the ones the fold counted (every
 * summarised event lies before the first kept one, so before any cursor the views allow).
 */
export function withSummarisedPicks(
  dests: readonly DestView[],
  picks: ReadonlyMap<string, number>,
): DestView[] {
  return dests.map((d) => {
    const more = picks.get(d.key) ?? 0;
    return more ? { ...d, picks: d.picks + more } : d;
  });
}

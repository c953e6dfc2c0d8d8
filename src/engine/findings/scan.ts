import { kindOf } from '../core/trace';
import type { TraceEvent, TraceLog } from '../core/trace';
import { learn, LEARN_KINDS, newScanContext } from './context';
import type { ScanContext } from './context';
import { FINDING_DETECTORS } from './registry';
import type { Finding, FindingDetector } from './types';

/** Where a scan stopped and what it had learned: pass it back to continue. */
export interface FindingsState {
  /** Index of the first event not yet scanned. */
  next: number;
  ctx: ScanContext;
}

export interface FindingsScan {
  /** Findings anchored at the events scanned by this call, in trace order. */
  findings: Finding[];
  state: FindingsState;
}

/**
 * The event kinds the scan looks at: what `learn` folds and what some detector reads. Of a long
 * `ab` that is about a third of the events (frames sent, routes, IPVS connections); the others
 * are skipped by their kind column without being built.
 */
const SCANNED_KINDS: ReadonlySet<string> = new Set([
  ...LEARN_KINDS,
  ...FINDING_DETECTORS.flatMap((d) => d.kinds),
]);

/** The detectors that read each kind, in registry order (the order of one event's findings). */
const DETECTORS_BY_KIND: ReadonlyMap<string, readonly FindingDetector[]> = new Map(
  [...SCANNED_KINDS].map((k) => [
    k,
    FINDING_DETECTORS.filter((d) => d.kinds.includes(k as TraceEvent['kind'])),
  ]),
);

export function newFindingsState(): FindingsState {
  return { next: 0, ctx: newScanContext() };
}

/**
 * Scan the trace for findings anchored at events from `from` on (default: where `state`
 * stopped, or 0). Incremental: given the state a previous call returned, only the events after
 * it are looked at (O(new events)); the state is updated in place. Events before `from` that
 * the state has not seen are still scanned for what they teach the later ones, their findings
 * left out — so the result is always the whole trace's findings from `from` on, however the
 * trace is cut into calls.
 */
export function scanFindings(
  trace: TraceLog,
  from?: number,
  state: FindingsState = newFindingsState(),
): FindingsScan {
  const start = from ?? state.next;
  if (start < state.next)
    throw new Error(`findings: already scanned up to ${state.next}, asked from ${start}`);
  const findings: Finding[] = [];
  for (let i = state.next; i < trace.length; i++) {
    const detectors = DETECTORS_BY_KIND.get(kindOf(trace, i) ?? '');
    if (detectors === undefined) continue;
    const ev = trace.at(i);
    if (!ev) continue; // summarised by a bounded trace
    learn(state.ctx, ev);
    for (const d of detectors) {
      const found = d.detect(ev, state.ctx);
      if (i >= start) for (const f of found) findings.push(f);
    }
  }
  state.next = Math.max(state.next, trace.length);
  return { findings, state };
}

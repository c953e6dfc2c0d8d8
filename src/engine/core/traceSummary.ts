/**
 * What a long session's trace let go of: how many events of each kind, and every scheduler
 * decision counted per virtual service and real server, with the span of virtual time they
 * covered. Views show it where the detail used to be (the event list, the scheduler chart).
 */
import type { EngineEvent } from './traceEvents';

export interface SchedulerTally {
  host: string;
  service: string;
  scheduler: string;
  /** The real server chosen, or null when none could be (the packet was dropped). */
  dest: string | null;
  count: number;
}

export interface TraceSummary {
  /** Events summarised (their seq numbers run from `fromSeq` to `toSeq`, end-exclusive). */
  events: number;
  fromSeq: number;
  toSeq: number;
  /** Virtual time of the first and last summarised event, µs. */
  fromUs: number;
  toUs: number;
  /** Events per kind, keys in the order the kinds first appeared. */
  byKind: Record<string, number>;
  decisions: SchedulerTally[];
}

export function emptySummary(): TraceSummary {
  return { events: 0, fromSeq: 0, toSeq: 0, fromUs: 0, toUs: 0, byKind: {}, decisions: [] };
}

/** Count one event (stamped) into the summary. */
export function addToSummary(s: TraceSummary, ev: EngineEvent & { t: number }, seq: number): void {
  countInSummary(s, ev.kind, ev.t, seq);
  if (ev.kind !== 'ipvs.schedule') return;
  let tally = s.decisions.find(
    (d) =>
      d.host === ev.host && d.service === ev.service && d.scheduler === ev.scheduler && d.dest === ev.dest,
  );
  if (!tally) {
    tally = { host: ev.host, service: ev.service, scheduler: ev.scheduler, dest: ev.dest, count: 0 };
    s.decisions.push(tally);
  }
  tally.count++;
}

/**
 * Count event `seq` of this kind at time `t` (µs): all a summary keeps of an event other than
 * a scheduling decision, so a summariser need not build it.
 */
export function countInSummary(s: TraceSummary, kind: string, t: number, seq: number): void {
  if (s.events === 0) {
    s.fromSeq = seq;
    s.fromUs = t;
  }
  s.events++;
  s.toSeq = seq + 1;
  s.toUs = t;
  s.byKind[kind] = (s.byKind[kind] ?? 0) + 1;
}

/**
 * What a long session's trace let go of: how many events of each kind, and every scheduler
 * decision counted per virtual service and real server, with the span of virtual time they
 * covered. Views show it where the detail used to be (the event list, the scheduler chart).
 */

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

/**
 * What the summary keeps of a scheduler's decision, as the record an `ipvs.schedule` event is
 * pushed with holds it (ipvs/schedule.ts): the summariser reads these off the raw record, not
 * off an event built for it (one object, a client string and a value list per decision).
 * `winner` is the event's `dest`.
 */
export interface DecisionFacts {
  readonly host: string;
  readonly service: string;
  readonly scheduler: string;
  readonly winner: string | null;
  /**
   * The four facts' identity, or undefined: two decisions whose `factsSite` and `factsWinner` are
   * the same objects have the same facts (a summariser then finds the first's tally by comparing
   * pointers, not strings: tallyMemo.ts). The objects must never change what they stand for.
   */
  readonly factsSite: object | undefined;
  readonly factsWinner: object | null;
}

/** Count one decision (its kind and time counted apart, countRunInSummary); returns its tally's index. */
export function tallyDecision(
  s: TraceSummary,
  host: string,
  service: string,
  scheduler: string,
  dest: string | null,
): number {
  // A scan, not a map: a summary holds a few tallies per service, and the strings compared are
  // mostly the same objects (the where memo, the dest keys).
  const list = s.decisions;
  for (let i = 0; i < list.length; i++) {
    const d = list[i]!;
    if (d.dest === dest && d.host === host && d.service === service && d.scheduler === scheduler) {
      d.count++;
      return i;
    }
  }
  return list.push({ host, service, scheduler, dest, count: 1 }) - 1;
}

/**
 * Count `n` events of one kind in a row, seqs `firstSeq` on, at times `firstUs` to `lastUs`: all a
 * summary keeps of an event other than a scheduling decision (tallyDecision), so a summariser
 * need not build it, and counts a run of one kind at once (one lookup of its kind, not n).
 */
export function countRunInSummary(
  s: TraceSummary,
  kind: string,
  n: number,
  firstSeq: number,
  firstUs: number,
  lastUs: number,
): void {
  if (s.events === 0) {
    s.fromSeq = firstSeq;
    s.fromUs = firstUs;
  }
  s.events += n;
  s.toSeq = firstSeq + n;
  s.toUs = lastUs;
  s.byKind[kind] = (s.byKind[kind] ?? 0) + n;
}

/**
 * The playback cursor in terms that survive engine changes. The cursor counts the trace events
 * that have happened (0 … trace.length); the event it shows is trace.at(cursor − 1). A stable cursor
 * names that event by its virtual time, its kind and its ordinal among events of that kind at
 * that time, so a link lands on the same moment after the trace gains or folds other kinds.
 */

export interface StableCursor {
  /** Virtual time of the event, µs. */
  t: number;
  /** The event's kind; '' means "before the first event" (cursor 0). */
  kind: string;
  /** 0 for the first event of this kind at time t, 1 for the next, … */
  ordinal: number;
}

/** The fields of a trace event this module reads (TraceEvent has them). */
export interface TimedEvent {
  t: number;
  kind: string;
}

/** A trace as this module reads it: an array, or the engine's compact log. */
export interface TimedLog {
  readonly length: number;
  at(i: number): TimedEvent | undefined;
  /** First event kept in full detail (a long session's trace summarises older ones). */
  readonly first?: number;
  /** Event i's time without building the event (the compact log has a time column). */
  timeAt?(i: number): number | undefined;
  /** Event i's kind without building the event (the compact log keeps each event's shape). */
  kindAt?(i: number): string | undefined;
}

/**
 * Event i's time (0 ≤ i < length), from the log's time column where it has one: a binary search
 * over the trace per animation frame built a score of whole events only to read their times.
 */
export function timeAtIndex(trace: TimedLog, i: number): number | undefined {
  return trace.timeAt ? trace.timeAt(i) : trace.at(i)?.t;
}

/**
 * Event i's kind, from the log's shapes where it has them: the address bar names the cursor as it
 * follows playback, and with hundreds of events at one microsecond (a crowd of connections)
 * building each one only to read its kind was a task of several milliseconds.
 */
function kindAtIndex(trace: TimedLog, i: number): string | undefined {
  return trace.kindAt ? trace.kindAt(i) : trace.at(i)?.kind;
}

/** Events with t ≤ time (binary search; times never decrease along the trace). */
export function countAtOrBefore(trace: TimedLog, time: number): number {
  // Before a long session's first kept event, times are not known one by one (summarised).
  let lo = trace.first ?? 0;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeAtIndex(trace, mid)! <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first event with t ≥ time (trace.length if none). */
function firstAtOrAfter(trace: TimedLog, time: number): number {
  let lo = trace.first ?? 0;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (timeAtIndex(trace, mid)! < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function cursorToStable(trace: TimedLog, index: number): StableCursor {
  const cursor = Math.max(0, Math.min(trace.length, Math.trunc(index) || 0));
  const ev = cursor > 0 ? trace.at(cursor - 1) : undefined;
  if (!ev) return { t: 0, kind: '', ordinal: 0 };
  let ordinal = 0;
  for (let i = firstAtOrAfter(trace, ev.t); i < cursor - 1; i++)
    if (kindAtIndex(trace, i) === ev.kind) ordinal++;
  return { t: ev.t, kind: ev.kind, ordinal };
}

/**
 * The cursor for a stable cursor. When the trace no longer has that event (its kind vanished
 * or fewer of them remain), the last such event at that time, else everything up to that time.
 */
export function stableToCursor(trace: TimedLog, c: StableCursor): number {
  if (c.kind === '') return 0;
  let seen = -1;
  let last = -1;
  for (let i = firstAtOrAfter(trace, c.t); i < trace.length && timeAtIndex(trace, i) === c.t; i++) {
    if (kindAtIndex(trace, i) !== c.kind) continue;
    seen++;
    last = i;
    if (seen === c.ordinal) return i + 1;
  }
  return last >= 0 ? last + 1 : countAtOrBefore(trace, c.t);
}

/** The `at` parameter: the cursor on the first event at or after this time (the end if none). */
export function cursorAtOrAfter(trace: TimedLog, at: number): number {
  const i = firstAtOrAfter(trace, at);
  return i < trace.length ? i + 1 : trace.length;
}

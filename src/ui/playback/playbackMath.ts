import type { TraceLog } from '@/engine';
import { timeAtIndex } from '@/embed/stableCursor';
import { cursorAtTime } from '@/store/slices/playbackSlice';
import type { HopIndex } from '../model/frameHops';
import { countInFlight } from '../model/inFlight';

/**
 * Simulation µs that pass per wall-clock second at speed 1 while frames are on the wire: a
 * 100 µs hop takes about 0.08 s, so a whole curl (some seventeen hops) plays in about 1.4 s.
 */
export const SIM_US_PER_SECOND = 1200;

/** Wall time an idle stretch (nothing on the wire: a `sleep`, a timer) takes at speed 1, however long. */
export const IDLE_WALL_MS = 250;

/** Idle stretches at least this long get a "+0.5 s" marker (shorter ones are the stack's own pauses). */
export const IDLE_MARK_US = 10_000;

export interface PlayPosition {
  simTime: number;
  cursor: number;
  done: boolean;
}

/**
 * One animation frame of playback, the playback time map: while frames are on the wire the
 * clock moves at SIM_US_PER_SECOND × speed; an idle stretch (nothing on the wire until the next
 * event) is crossed in IDLE_WALL_MS / speed whatever its length, so a half-second `sleep` does
 * not play in slow motion and a timer minutes away does not stall the picture. Pure.
 */
export function advancePlayback(
  trace: TraceLog,
  hops: HopIndex,
  pos: { simTime: number; cursor: number },
  wallMs: number,
  speed: number,
): PlayPosition {
  // Times only (timeAt): building the events to read them cost every frame of playback.
  const next = timeAt(trace, pos.cursor);
  const busy = countInFlight(hops, pos.simTime, pos.cursor) > 0;
  if (next === undefined) return { simTime: pos.simTime, cursor: pos.cursor, done: !busy };
  let t = pos.simTime + (wallMs / 1000) * SIM_US_PER_SECOND * speed;
  if (!busy && next > t) {
    const gap = idleGap(trace, pos.cursor);
    if (gap < IDLE_MARK_US) t = next;
    else t = Math.min(next, pos.simTime + (gap * wallMs * speed) / IDLE_WALL_MS);
  }
  const cursor = Math.max(pos.cursor, cursorAtTime(trace, t));
  // Never run past the last event's time.
  const last = timeAt(trace, trace.length - 1)!;
  return { simTime: Math.min(t, last), cursor, done: false };
}

/** The quiet time between the event before the cursor and the next one (µs). */
export function idleGap(trace: TraceLog, cursor: number): number {
  const next = timeAt(trace, cursor);
  if (next === undefined) return 0;
  return next - (timeAt(trace, cursor - 1) ?? next);
}

/** Event i's time, undefined out of range. */
function timeAt(trace: TraceLog, i: number): number | undefined {
  return i >= 0 && i < trace.length ? timeAtIndex(trace, i) : undefined;
}

/** Reduced motion: jump to the end of the next group of simultaneous events. */
export function nextEventGroup(trace: TraceLog, cursor: number): PlayPosition {
  const next = trace.at(cursor);
  if (!next) return { simTime: (cursor > 0 ? trace.at(cursor - 1) : undefined)?.t ?? 0, cursor, done: true };
  return { simTime: next.t, cursor: cursorAtTime(trace, next.t), done: false };
}

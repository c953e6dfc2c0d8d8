import type { TraceEvent } from '@/engine';
import { cursorAtTime } from '@/store/slices/playbackSlice';
import type { HopIndex } from '../model/frameHops';
import { framesInFlight } from '../model/inFlight';

/** Simulation µs that pass per wall-clock second at speed 1: a 100 µs hop takes about 0.67 s. */
export const SIM_US_PER_SECOND = 150;

export interface PlayPosition {
  simTime: number;
  cursor: number;
  done: boolean;
}

/**
 * One animation frame of playback: move the clock by the wall time that passed (times speed),
 * jumping straight to the next event while nothing is on the wire, so idle seconds (timers,
 * the gap between commands) never stall the picture. A pure function of its inputs.
 */
export function advancePlayback(
  trace: readonly TraceEvent[],
  hops: HopIndex,
  pos: { simTime: number; cursor: number },
  wallMs: number,
  speed: number,
): PlayPosition {
  const next = trace[pos.cursor];
  const busy = framesInFlight(hops, pos.simTime, pos.cursor).length > 0;
  if (!next) return { simTime: pos.simTime, cursor: pos.cursor, done: !busy };
  let t = pos.simTime + (wallMs / 1000) * SIM_US_PER_SECOND * speed;
  if (!busy && next.t > t) t = next.t;
  const cursor = Math.max(pos.cursor, cursorAtTime(trace, t));
  // Never run past the last event's time.
  const last = trace[trace.length - 1]!.t;
  return { simTime: Math.min(t, last), cursor, done: false };
}

/** Reduced motion: jump to the end of the next group of simultaneous events. */
export function nextEventGroup(trace: readonly TraceEvent[], cursor: number): PlayPosition {
  const next = trace[cursor];
  if (!next) return { simTime: trace[cursor - 1]?.t ?? 0, cursor, done: true };
  return { simTime: next.t, cursor: cursorAtTime(trace, next.t), done: false };
}

import type { Sim } from '../core/sim';
import type { Wait } from '../shell/types';

/** Window in which events already in flight are delivered after a command returns (each command sees a settled network). */
export const SETTLE_WINDOW_US = 200_000;

/**
 * A Wait as the driver holds it while it is under way. A sleep's absolute end is fixed when the
 * command yields it, so a wait resumed over several chunks of virtual time ends at the same
 * instant as one run in a single go (the determinism of live commands rests on this).
 */
export type PendingWait = { kind: 'sleep'; untilUs: number } | Extract<Wait, { kind: 'until' }>;

export function pendingWait(sim: Sim, w: Wait): PendingWait {
  return w.kind === 'sleep' ? { kind: 'sleep', untilUs: sim.now + w.us } : w;
}

/**
 * Let virtual time pass for a pending Wait, never beyond `deadline`. Returns true when the
 * wait is over, false when the deadline came first (the wait may be resumed with a later one:
 * running to t1 and then to t2 leaves the simulation exactly as running to t2 at once).
 */
export function advancePending(sim: Sim, w: PendingWait, deadline: number, maxEvents?: number): boolean {
  if (w.kind === 'sleep') {
    if (w.untilUs > deadline) {
      sim.runUntil(deadline, maxEvents);
      return false;
    }
    sim.runUntil(w.untilUs, maxEvents);
    return true;
  }
  const limit = Math.min(w.deadlineUs ?? Number.POSITIVE_INFINITY, deadline);
  const done = sim.runWhile(w.done, limit, maxEvents);
  if (done) return true;
  if (w.deadlineUs !== undefined && w.deadlineUs <= deadline && sim.now >= w.deadlineUs) return true;
  // Nothing left to happen and no deadline of its own: the command could wait forever.
  if (sim.peekNextTime() === undefined && limit === Number.POSITIVE_INFINITY) return false;
  return sim.now < deadline;
}

/**
 * Deliver what is already in flight (frames, ARP replies, closing segments) and stop when the
 * wires are quiet: timers (connection expiry, estimators, TIME_WAIT) fire only as time passes
 * (cli.md). Stopping at the last frame keeps a command's end from sliding onto a timer.
 */
export function settle(sim: Sim): void {
  const end = sim.now + SETTLE_WINDOW_US;
  for (let i = 0; i < 1_000_000 && sim.inFlight > 0; i++) if (!sim.stepDue(end)) return;
}

import type { Sim } from '../core/sim';
import type { Wait } from '../shell/types';

/** Window in which events already in flight are delivered after a command returns (cli.md). */
export const SETTLE_WINDOW_US = 200_000;

/**
 * Let virtual time pass for one Wait of a running command, never beyond `deadline`.
 * Returns false when the deadline was reached first.
 */
export function advanceFor(sim: Sim, w: Wait, deadline: number): boolean {
  if (w.kind === 'sleep') {
    const target = sim.now + w.us;
    if (target > deadline) {
      sim.runUntil(deadline);
      return false;
    }
    sim.runUntil(target);
    return true;
  }
  const limit = Math.min(w.deadlineUs ?? Number.POSITIVE_INFINITY, deadline);
  const done = sim.runWhile(w.done, limit);
  if (done) return true;
  if (w.deadlineUs !== undefined && w.deadlineUs <= deadline && sim.now >= w.deadlineUs) return true;
  // Nothing left to happen and no deadline of its own: the command could wait forever.
  if (sim.peekNextTime() === undefined && limit === Number.POSITIVE_INFINITY) return false;
  return sim.now < deadline;
}

/** Deliver what is already in flight (frames, ARP replies, closing segments) without waiting on far timers. */
export function settle(sim: Sim): void {
  const end = sim.now + SETTLE_WINDOW_US;
  for (let i = 0; i < 1_000_000; i++) {
    const next = sim.peekNextTime();
    if (next === undefined || next > end) return;
    sim.step();
  }
}

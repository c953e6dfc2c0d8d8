import type { TraceLog } from '@/engine';
import { inherited } from './sharedPrefix';
import { copyIpvsFold, copyService, extendIpvsFold, newIpvsFold } from './ipvsState';
import type { IpvsFold, ServiceView } from './ipvsState';

/** Events between two checkpoints of the IPVS replay. */
export const IPVS_CHECKPOINT_EVERY = 4096;

interface Cached {
  fold: IpvsFold;
  /** Copies of the fold at every multiple of `every` it has passed, in order. */
  checkpoints: IpvsFold[];
}

const caches = new WeakMap<TraceLog, Cached>();

/** A fork's trace keeps the checkpoints (and the fold) of the trace it was made from within the shared events. */
function startCache(trace: TraceLog, every: number): Cached {
  const from = inherited(caches, trace);
  if (!from) return { fold: newIpvsFold(trace), checkpoints: [] };
  const on = (f: IpvsFold): IpvsFold => ({ ...f, trace });
  const checkpoints = from.value.checkpoints
    .filter((cp) => cp.pos <= from.kept && cp.pos % every === 0)
    .map(on);
  const f = from.value.fold;
  const last = checkpoints[checkpoints.length - 1];
  const fold = f.pos <= from.kept ? copyIpvsFold(f) : last ? copyIpvsFold(last) : newIpvsFold(trace);
  return { fold: on(fold), checkpoints };
}

/**
 * ipvsStateAt for a view that follows the cursor: playback carries the last replay on (O(new
 * events)); moving back restarts from the nearest checkpoint at or before the cursor, so no
 * cursor move replays more than `every` events plus the distance moved forward.
 */
export function ipvsStateAtCursor(
  trace: TraceLog,
  cursor: number,
  every = IPVS_CHECKPOINT_EVERY,
): ServiceView[] {
  const to = Math.max(0, Math.min(cursor, trace.length));
  let c = caches.get(trace);
  if (!c) caches.set(trace, (c = startCache(trace, every)));
  if (c.fold.pos > to) {
    let best: IpvsFold | undefined;
    for (const cp of c.checkpoints) if (cp.pos <= to) best = cp;
    c.fold = best ? copyIpvsFold(best) : newIpvsFold(trace);
  }
  while (c.fold.pos < to) {
    const next = Math.min(to, (Math.floor(c.fold.pos / every) + 1) * every);
    extendIpvsFold(c.fold, next);
    const last = c.checkpoints[c.checkpoints.length - 1];
    if (next % every === 0 && (!last || last.pos < next)) c.checkpoints.push(copyIpvsFold(c.fold));
  }
  // Copies: the fold's own objects change as the cursor moves on.
  return [...c.fold.services.values()].map(copyService);
}

import type { TraceLog } from '@/engine';
import { engine } from '@/store/engine';

/**
 * Whether any event among `[from, to)` has one of `kinds`, which must all be sticky kinds
 * (configuration: STICKY_KINDS): a log that lists its sticky events visits those few instead of
 * asking each event its kind (the topology asks at every animation frame of playback, over every
 * event the cursor moved past). Other logs are read kind by kind.
 */
export function stickyKindBetween(
  trace: TraceLog,
  from: number,
  to: number,
  kinds: ReadonlySet<string>,
): boolean {
  const { kindOf } = engine();
  if (trace.eachSticky) {
    let found = false;
    trace.eachSticky(from, to, (i) => {
      if (!found && kinds.has(kindOf(trace, i) ?? '')) found = true;
    });
    return found;
  }
  for (let i = from; i < to; i++) if (kinds.has(kindOf(trace, i) ?? '')) return true;
  return false;
}

import type { Dest } from '../types';

/**
 * lblc/lblcr is_overloaded: more active connections than its weight while some dest in the
 * service runs below half its weight (2·active < weight). Not the OVERLOAD threshold flag.
 */
export function localityOverloaded(dest: Dest, dests: readonly Dest[]): boolean {
  if (dest.activeconns <= dest.weight) return false;
  for (let i = 0; i < dests.length; i++) {
    const d = dests[i]!;
    if (d.activeconns * 2 < d.weight) return true;
  }
  return false;
}

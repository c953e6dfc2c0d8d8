import type { Dest } from '../types';

/** The common eligibility rule: weight > 0 and the OVERLOAD flag clear. */
export function usable(d: Dest): boolean {
  return d.weight > 0 && !d.overloaded;
}

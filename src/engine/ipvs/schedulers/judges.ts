import type { Dest } from '../types';
import type { Judge } from './explain';
import { connOverhead, sedOverhead } from './overhead';
import { usable } from './usable';

/** Judges several schedulers share: the common eligibility rule and what they compare. */

/** rr: only eligibility matters. */
export const USABLE: Judge = { eligible: usable };
/** lc, wlc, twos, lblcr: 256·active + inactive. */
export const USABLE_BY_OVERHEAD: Judge = { eligible: usable, cost: connOverhead };
/** sed, nq: active + 1. */
export const USABLE_BY_SED: Judge = { eligible: usable, cost: sedOverhead };
/** wrr, fo: the weight itself. */
export const USABLE_BY_WEIGHT: Judge = { eligible: usable, cost: (d: Dest) => d.weight };

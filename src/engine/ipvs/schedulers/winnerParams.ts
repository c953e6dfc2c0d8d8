import type { DeriveParams } from './explain';
import { connOverhead, sedOverhead } from './overhead';

/**
 * Params that restate the winner's counters, made when an explanation is read (explain.ts
 * DeriveParams) from the counters the record kept: the decision keeps no params object. Each
 * gives the keys, in the order, the scheduler's params always had.
 */

/** lc: the winner's 256·active + inactive. */
export const LC_PARAMS: DeriveParams = (v, w) => ({ cost: connOverhead(v[w]!) });

/** wlc: the winner's 256·active + inactive, and its weight. */
export const WLC_PARAMS: DeriveParams = (v, w) => ({ cost: connOverhead(v[w]!), weight: v[w]!.weight });

/** sed, nq: the winner's active + 1, and its weight. */
export const SED_PARAMS: DeriveParams = (v, w) => ({ cost: sedOverhead(v[w]!), weight: v[w]!.weight });

/** fo: the winner's weight. */
export const FO_PARAMS: DeriveParams = (v, w) => ({ weight: v[w]!.weight });

/** ovf: the winner's weight and active connections. */
export const OVF_PARAMS: DeriveParams = (v, w) => ({ weight: v[w]!.weight, active: v[w]!.activeconns });

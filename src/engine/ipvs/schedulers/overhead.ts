import type { Dest } from '../types';

/**
 * ip_vs_dest_conn_overhead: 256·active + inactive (lc, wlc, lblc, lblcr, twos). The lc.c comment
 * still says `<< 5`; the code shifts by 8. A multiply keeps it exact for any counter size.
 */
export function connOverhead(d: Dest): number {
  return d.activeconns * 256 + d.inactconns;
}

/** sed/nq expected delay numerator: only active connections count, plus the new one. */
export function sedOverhead(d: Dest): number {
  return d.activeconns + 1;
}

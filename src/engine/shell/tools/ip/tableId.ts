/** Routing table ids as iproute2's rtnl_rttable_a2n reads them (names of /etc/iproute2/rt_tables, or numbers). */
import type { RouteTableId } from '../../../stack/routeTable';
import { invarg } from './ipCommon';

export function parseTableId(v: string): RouteTableId {
  if (v === 'main' || v === '254') return 'main';
  if (v === 'local' || v === '255') return 'local';
  if (v === 'default' || v === '253') return 'default';
  if (/^\d+$/.test(v) && Number(v) > 0 && Number(v) <= 0xffffffff) return String(Number(v));
  return invarg('"table" value is invalid\n', v);
}

import type { FindingDetector } from '../types';
import { finding } from '../types';

/**
 * A real server reached its upper connection threshold (-x): IPVS marks it OVERLOAD and
 * schedules nothing new to it until its count falls under the lower threshold (-y, or 3/4 of
 * -x when -y is 0) — the second finding, `overloadCleared`.
 */
export const overload: FindingDetector = {
  kind: 'overload',
  kinds: ['ipvs.overload'],
  detect(ev) {
    if (ev.kind !== 'ipvs.overload') return [];
    const kind = ev.overloaded ? 'overload' : 'overloadCleared';
    const params = { host: ev.host, dest: ev.dest, total: ev.total, upper: ev.upper, lower: ev.lower };
    const variant = ev.overloaded ? undefined : ev.lower !== 0 ? 'lower' : 'threeQuarters';
    return [finding(kind, ev, [ev.host], params, variant)];
  },
};

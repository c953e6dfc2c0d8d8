import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';
import { routeErrorFor } from './routeDrops';

/**
 * No route to a destination: a forwarded packet (answered with ICMP net unreachable) or a
 * host's own packet (its socket fails with "Network is unreachable").
 */
export const noRoute: FindingDetector = {
  kind: 'noRoute',
  kinds: ['drop'],
  detect(ev, ctx) {
    if (ev.kind !== 'drop' || ev.reason !== 'no-route') return [];
    const r = routeErrorFor(ev, ctx);
    const dst = r?.dst ?? ev.dst ?? ev.dest ?? ev.ip ?? '';
    if (!firstTime(ctx, `noRoute|${ev.host}|${dst}`)) return [];
    return [
      finding(
        'noRoute',
        ev,
        [ev.host],
        { host: ev.host, dst, dev: ev.dev ?? r?.dev ?? '' },
        r !== undefined ? 'forward' : 'local',
      ),
    ];
  },
};

import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';
import { routeErrorFor } from './routeDrops';

/**
 * Reverse-path filtering dropped a packet: with rp_filter 1 (strict) the route back to its
 * source must leave through the device it came in on; with 2 (loose) there must be any route
 * back. The DR director without a route to the client drops the client's requests this way.
 */
export const rpFilterDrop: FindingDetector = {
  kind: 'rpFilterDrop',
  kinds: ['drop'],
  detect(ev, ctx) {
    if (ev.kind !== 'drop' || ev.reason !== 'rp_filter') return [];
    const r = routeErrorFor(ev, ctx);
    const src = r?.src ?? '';
    const dev = ev.dev ?? r?.dev ?? '';
    const value = r?.rp_filter ?? 1;
    if (!firstTime(ctx, `rpFilterDrop|${ev.host}|${dev}|${src}`)) return [];
    return [
      finding(
        'rpFilterDrop',
        ev,
        [ev.host],
        { host: ev.host, dev, src, dst: r?.dst ?? '', rp_filter: value },
        value === 2 ? 'loose' : 'strict',
      ),
    ];
  },
};

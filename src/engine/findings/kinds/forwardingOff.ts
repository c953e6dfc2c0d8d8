import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';
import { routeErrorFor } from './routeDrops';

/**
 * A packet for another host arrived but net.ipv4.ip_forward is 0: the kernel counts it in
 * InAddrErrors and frees it silently (the bare NAT lab's director before `sysctl -w`).
 */
export const forwardingOff: FindingDetector = {
  kind: 'forwardingOff',
  kinds: ['drop'],
  detect(ev, ctx) {
    if (ev.kind !== 'drop' || ev.reason !== 'forwarding-disabled') return [];
    const r = routeErrorFor(ev, ctx);
    const dev = ev.dev ?? r?.dev ?? '';
    if (!firstTime(ctx, `forwardingOff|${ev.host}|${dev}|${r?.dst ?? ''}`)) return [];
    return [
      finding('forwardingOff', ev, [ev.host], {
        host: ev.host,
        dev,
        src: r?.src ?? '',
        dst: r?.dst ?? '',
      }),
    ];
  },
};

import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';

/**
 * A DR real server passes keepalived's health check (which connects to its own address) but
 * drops what the director forwards to the VIP, because the VIP is not one of its addresses: the
 * check cannot see it, so the server stays in the table and its share of clients time out.
 * Seen at the real server's input routing error for a packet addressed to a VIP.
 */
export const healthyNoVip: FindingDetector = {
  kind: 'healthyNoVip',
  kinds: ['route'],
  detect(ev, ctx) {
    if (ev.kind !== 'route' || ev.dir !== 'input' || ev.result !== 'error') return [];
    const director = ctx.vipOwner.get(ev.dst);
    if (director === undefined || ctx.vipHosts.has(`${ev.dst}|${ev.host}`)) return [];
    const f = ctx.failover;
    let rip: string | undefined;
    for (const [ip, checker] of f.healthy) if (f.ipHost.get(ip) === ev.host && checker) rip = ip;
    if (rip === undefined) return [];
    if (!firstTime(ctx, `healthyNoVip|${ev.host}|${ev.dst}`)) return [];
    return [
      finding('healthyNoVip', ev, [ev.host, f.healthy.get(rip)!], {
        host: ev.host,
        rip,
        vip: ev.dst,
        director: f.healthy.get(rip)!,
        reason: ev.reason ?? '-',
      }),
    ];
  },
};

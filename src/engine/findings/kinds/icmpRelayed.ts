import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';

/**
 * A director passed on to a client an ICMP error another host created (a real server's
 * unreachable, a router's time exceeded): the client learns why its packet failed beyond the
 * director. Seen on the director's transmit of an ICMP error it did not create itself.
 */
export const icmpRelayed: FindingDetector = {
  kind: 'icmpRelayed',
  kinds: ['ipvs.icmp', 'frame.tx'],
  detect(ev, ctx) {
    // IPVS's own handling (ip_vs_in_icmp/ip_vs_out_icmp) names the error and who gets it next.
    if (ev.kind === 'ipvs.icmp') {
      if (ev.action !== 'relay' && ev.action !== 'nat') return [];
      if (!firstTime(ctx, `icmpRelayed|${ev.host}|${ev.to}|${ev.type}|${ev.code}`)) return [];
      const origin = ctx.icmpOrigin.get(ev.pkt);
      const hosts = origin !== undefined ? [ev.host, origin] : [ev.host];
      return [
        finding('icmpRelayed', ev, hosts, {
          host: ev.host,
          from: origin ?? ev.host,
          to: ev.to,
          origin: origin ?? ev.host,
          type: ev.type,
          code: ev.code,
        }),
      ];
    }
    if (ev.kind !== 'frame.tx' || ev.pkt === null) return [];
    const ip = ev.eth.payload;
    if (ip.proto !== 'ipv4' || ip.payload.proto !== 'icmp' || !('original' in ip.payload)) return [];
    if (ctx.icmpOrigin.get(ev.pkt) === ev.host) return [];
    let isDirector = false;
    for (const h of ctx.vipOwner.values()) if (h === ev.host) isDirector = true;
    if (!isDirector) return [];
    const { type, code } = ip.payload;
    if (!firstTime(ctx, `icmpRelayed|${ev.host}|${ip.dst}|${type}|${code}`)) return [];
    const origin = ctx.icmpOrigin.get(ev.pkt);
    const hosts = origin !== undefined ? [ev.host, origin] : [ev.host];
    return [
      finding('icmpRelayed', ev, hosts, {
        host: ev.host,
        from: ip.src,
        to: ip.dst,
        origin: origin ?? ip.src,
        type,
        code,
      }),
    ];
  },
};

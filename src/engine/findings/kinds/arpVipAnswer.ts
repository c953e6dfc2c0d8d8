import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';

/**
 * A host other than the director answered ARP for a virtual address IPVS serves: whoever asked
 * (the router) now sends the VIP's traffic straight to it, bypassing the director. In the DR
 * lab this is a real server whose arp_ignore (the larger of conf.all and conf.<dev>) is 0, so
 * it answers for the VIP held on lo.
 */
export const arpVipAnswer: FindingDetector = {
  kind: 'arpVipAnswer',
  kinds: ['arp.decide'],
  detect(ev, ctx) {
    if (ev.kind !== 'arp.decide' || ev.verdict !== 'reply') return [];
    const director = ctx.vipOwner.get(ev.tip);
    // A director of its own (the ha lab's backup) answering for the VIP is no bypass.
    if (director === undefined || ctx.vipHosts.has(`${ev.tip}|${ev.host}`)) return [];
    if (!firstTime(ctx, `arpVipAnswer|${ev.host}|${ev.dev}|${ev.tip}|${ev.arp_ignore}`)) return [];
    return [
      finding('arpVipAnswer', ev, [ev.host, director], {
        host: ev.host,
        director,
        vip: ev.tip,
        dev: ev.dev,
        asker: ev.sip,
        arp_ignore: ev.arp_ignore,
        arp_ignore_all: ev.arp_ignore_all,
        arp_ignore_dev: ev.arp_ignore_dev,
        sysctl: `net.ipv4.conf.${ev.dev}.arp_ignore`,
      }),
    ];
  },
};

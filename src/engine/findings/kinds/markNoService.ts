import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';

/**
 * A mangle MARK rule marked a packet, but this host's IPVS has no fwmark service for that mark:
 * ip_vs_in looks the mark up first, finds nothing, and the mark selects nothing (a typo in the
 * mark or in `ipvsadm -A -f`). Only on a host with virtual services: without IPVS a mark may
 * just feed `ip rule fwmark` routing. Said once per host and mark.
 */
export const markNoService: FindingDetector = {
  kind: 'markNoService',
  kinds: ['iptables.verdict'],
  detect(ev, ctx) {
    if (ev.kind !== 'iptables.verdict' || ev.markWithoutService !== true) return [];
    if ((ctx.ipvsServices.get(ev.host) ?? 0) === 0) return [];
    const last = ev.marks[ev.marks.length - 1]!;
    if (!firstTime(ctx, `markNoService|${ev.host}|${last.mark}`)) return [];
    return [
      finding('markNoService', ev, [ev.host], {
        host: ev.host,
        mark: last.mark,
        table: ev.table,
        chain: last.chain,
        rule: last.rule,
        dst: ev.dport === undefined ? ev.dst : `${ev.dst}:${ev.dport}`,
      }),
    ];
  },
};

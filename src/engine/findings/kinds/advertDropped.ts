import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';

/**
 * iptables dropped a VRRP advertisement (protocol 112) before keepalived could read it: the
 * backup stops hearing its master and takes over while the master keeps the VIPs. Said once
 * per host and rule.
 */
export const advertDropped: FindingDetector = {
  kind: 'advertDropped',
  kinds: ['iptables.verdict'],
  detect(ev, ctx) {
    if (ev.kind !== 'iptables.verdict' || ev.protocol !== 112 || ev.verdict === 'ACCEPT') return [];
    const spec = ev.spec ?? `-P ${ev.chain} ${ev.verdict}`;
    if (!firstTime(ctx, `advertDropped|${ev.host}|${ev.table}|${spec}`)) return [];
    return [
      finding('advertDropped', ev, [ev.host], {
        host: ev.host,
        src: ev.src,
        table: ev.table,
        chain: ev.chain,
        spec,
      }),
    ];
  },
};

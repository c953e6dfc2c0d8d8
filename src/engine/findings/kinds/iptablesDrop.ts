import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';

/**
 * iptables dropped or rejected a packet IPVS would have served: filter INPUT (priority 0) and
 * mangle run before ip_vs_in (LOCAL_IN 99), so the virtual service never sees it. Said once per
 * deciding rule (or policy) and service, naming the rule as `iptables -S` prints it.
 */
export const iptablesDrop: FindingDetector = {
  kind: 'iptablesDrop',
  kinds: ['iptables.verdict'],
  detect(ev, ctx) {
    if (ev.kind !== 'iptables.verdict' || ev.verdict === 'ACCEPT' || ev.ipvsService === undefined) return [];
    const which = ev.rule === null ? 'policy' : String(ev.rule);
    if (!firstTime(ctx, `iptablesDrop|${ev.host}|${ev.table}|${ev.chain}|${which}|${ev.ipvsService}`))
      return [];
    return [
      finding(
        'iptablesDrop',
        ev,
        [ev.host],
        {
          host: ev.host,
          table: ev.table,
          chain: ev.chain,
          rule: ev.rule ?? 0,
          spec: ev.spec ?? `-P ${ev.chain} DROP`,
          verdict: ev.verdict,
          service: ev.ipvsService,
          src: ev.src,
          dst: ev.dport === undefined ? ev.dst : `${ev.dst}:${ev.dport}`,
        },
        ev.rule === null ? 'policy' : ev.verdict === 'REJECT' ? 'reject' : 'drop',
      ),
    ];
  },
};

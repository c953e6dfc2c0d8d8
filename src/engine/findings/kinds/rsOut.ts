import type { FindingDetector } from '../types';
import { finding } from '../types';

/**
 * keepalived's health checker took a real server out of a virtual service (or, with
 * inhibit_on_failure, set its weight to 0) after its checks failed: new connections go to the
 * others. Said at each director's `Removing service` / `Disabling service`.
 */
export const rsOut: FindingDetector = {
  kind: 'rsOut',
  kinds: ['keepalived.rs'],
  detect(ev, ctx) {
    if (ev.kind !== 'keepalived.rs' || ev.up) return [];
    const rs = `${ev.rs}:${ev.port}`;
    const reason = ctx.failover.checkFail.get(`${ev.host}|${rs}`) ?? '';
    return [
      finding(
        'rsOut',
        ev,
        [ev.host],
        { host: ev.host, rs, vs: ev.vs, reason: reason === '' ? '-' : reason },
        ev.inhibit ? 'inhibit' : 'remove',
      ),
    ];
  },
};

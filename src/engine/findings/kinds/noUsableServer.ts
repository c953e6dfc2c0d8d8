import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';

/**
 * A packet matched a virtual service but its scheduler found no usable real server (none
 * added, all weight 0, all over their upper threshold): IPVS drops it and answers port
 * unreachable.
 */
export const noUsableServer: FindingDetector = {
  kind: 'noUsableServer',
  kinds: ['ipvs.no-dest'],
  detect(ev, ctx) {
    if (ev.kind !== 'ipvs.no-dest') return [];
    if (!firstTime(ctx, `noUsableServer|${ev.host}|${ev.service}`)) return [];
    return [
      finding('noUsableServer', ev, [ev.host], {
        host: ev.host,
        service: ev.service,
        scheduler: ev.scheduler,
      }),
    ];
  },
};

import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';

/**
 * A persistence template sent a client (or its netmask's network) to the server it used
 * before, without asking the scheduler. Said once per template.
 */
export const persistPin: FindingDetector = {
  kind: 'persistPin',
  kinds: ['ipvs.persist'],
  detect(ev, ctx) {
    if (ev.kind !== 'ipvs.persist') return [];
    if (!firstTime(ctx, `persistPin|${ev.host}|${ev.template}`)) return [];
    return [finding('persistPin', ev, [ev.host], { host: ev.host, client: ev.client, dest: ev.dest })];
  },
};

import type { FindingDetector } from '../types';
import { finding } from '../types';

/**
 * A real server was given weight 0: it is quiesced — no new connections are scheduled to it,
 * while its existing connections (and persistence templates) carry on until they end.
 */
export const quiesced: FindingDetector = {
  kind: 'quiesced',
  kinds: ['ipvs.control'],
  detect(ev) {
    if (ev.kind !== 'ipvs.control') return [];
    if ((ev.event !== 'add-dest' && ev.event !== 'edit-dest') || ev.weight !== 0) return [];
    return [finding('quiesced', ev, [ev.host], { host: ev.host, service: ev.service, dest: ev.dest })];
  },
};

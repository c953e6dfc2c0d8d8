import type { FindingDetector } from '../types';
import { finding } from '../types';

/**
 * lblc/lblcr found the server cached for a destination address overloaded in their sense
 * (more active connections than its weight while some server runs under half its weight) and
 * chose another by weighted least-connection, which now serves that address.
 */
export const lblcReplace: FindingDetector = {
  kind: 'lblcReplace',
  kinds: ['ipvs.schedule'],
  detect(ev) {
    if (ev.kind !== 'ipvs.schedule' || ev.dest === null || ev.explanation === null) return [];
    const { rule, params } = ev.explanation;
    let from = '';
    if (rule === 'lblc.new-entry' && params.cache === 'overloaded') from = String(params.cached);
    else if (rule === 'lblcr.new-member' && params.kept === false) from = String(params.member);
    if (from === '' || from === ev.dest) return [];
    return [
      finding('lblcReplace', ev, [ev.host], {
        host: ev.host,
        scheduler: ev.scheduler,
        daddr: String(params.daddr),
        from,
        to: ev.dest,
      }),
    ];
  },
};

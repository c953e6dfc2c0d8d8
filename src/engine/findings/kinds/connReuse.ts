import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';

/**
 * A client reused a source port whose IPVS connection entry was still in TIME_WAIT (or CLOSE):
 * with conn_reuse_mode set, the entry is expired on the spot and the SYN scheduled afresh.
 * It happens once the client cycles through its ephemeral ports faster than the entries time
 * out; said once per director.
 */
export const connReuse: FindingDetector = {
  kind: 'connReuse',
  kinds: ['ipvs.conn'],
  detect(ev, ctx) {
    if (ev.kind !== 'ipvs.conn' || ev.event !== 'reuse-expire') return [];
    if (!firstTime(ctx, `connReuse|${ev.host}`)) return [];
    return [finding('connReuse', ev, [ev.host], { host: ev.host, conn: ev.conn, state: ev.state })];
  },
};

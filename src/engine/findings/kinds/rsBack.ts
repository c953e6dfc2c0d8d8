import type { FindingDetector } from '../types';
import { finding } from '../types';

/** keepalived's check passed again for a real server it had taken out: it is back in the service. */
export const rsBack: FindingDetector = {
  kind: 'rsBack',
  kinds: ['keepalived.rs'],
  detect(ev) {
    if (ev.kind !== 'keepalived.rs' || !ev.up) return [];
    return [
      finding(
        'rsBack',
        ev,
        [ev.host],
        { host: ev.host, rs: `${ev.rs}:${ev.port}`, vs: ev.vs },
        ev.inhibit ? 'inhibit' : 'add',
      ),
    ];
  },
};

import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';

const VARIANT: Record<number, string> = { 3: 'unreachable', 11: 'timeExceeded' };

/**
 * A host sent an ICMP error about a packet: destination or port unreachable (no route, no
 * usable real server, no socket for UDP), time exceeded (TTL ran out). `code` narrows it.
 */
export const icmpError: FindingDetector = {
  kind: 'icmpError',
  kinds: ['icmp.send'],
  detect(ev, ctx) {
    if (ev.kind !== 'icmp.send') return [];
    if (!firstTime(ctx, `icmpError|${ev.host}|${ev.to}|${ev.type}|${ev.code}`)) return [];
    return [
      finding(
        'icmpError',
        ev,
        [ev.host],
        { host: ev.host, to: ev.to, type: ev.type, code: ev.code },
        VARIANT[ev.type] ?? 'other',
      ),
    ];
  },
};

import type { FindingDetector } from '../types';
import { finding } from '../types';

/**
 * The client got the NAT real server's un-rewritten reply: no socket of its own talks to the
 * RIP, so its TCP answers with RST (and curl keeps waiting for the VIP).
 */
export const natClientRst: FindingDetector = {
  kind: 'natClientRst',
  kinds: ['tcp.no-socket'],
  detect(ev, ctx) {
    if (ev.kind !== 'tcp.no-socket') return [];
    const b = ctx.bypass.get(ev.pkt);
    if (b === undefined) return [];
    ctx.bypass.delete(ev.pkt);
    return [
      finding('natClientRst', ev, [ev.host, b.rs], {
        host: ev.host,
        rs: b.rs,
        rip: b.dest,
        vip: b.virtual,
        client: b.client,
      }),
    ];
  },
};

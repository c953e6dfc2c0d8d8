import type { FindingDetector } from '../types';
import { finding } from '../types';
import { firstTime } from '../context';

/**
 * A NAT real server's reply left it for a next hop that is not the director: nothing rewrites
 * its source back to the VIP, so the client receives an answer from the RIP it never asked.
 * Seen on the real server's own transmit of the reply tuple of a masq connection.
 */
export const natReplyBypass: FindingDetector = {
  kind: 'natReplyBypass',
  kinds: ['frame.tx'],
  detect(ev, ctx) {
    if (ev.kind !== 'frame.tx' || ev.pkt === null) return [];
    const ip = ev.eth.payload;
    if (ip.proto !== 'ipv4') return [];
    const l4 = ip.payload;
    if (l4.proto !== 'tcp' && l4.proto !== 'udp') return [];
    const c = ctx.masq.get(`${ip.src}:${l4.srcPort}>${ip.dst}:${l4.dstPort}`);
    if (c === undefined || ev.host === c.director) return [];
    const nextHop = ctx.macHost.get(ev.eth.dst);
    if (nextHop === c.director) return [];
    // The reply is first sent by the real server; forwarding hops (a router) repeat it.
    const known = ctx.bypass.get(ev.pkt);
    if (known !== undefined) return [];
    const rs = ev.host;
    ctx.bypass.set(ev.pkt, { rs, director: c.director, client: c.client, dest: c.dest, virtual: c.virtual });
    if (!firstTime(ctx, `natReplyBypass|${c.conn}`)) return [];
    return [
      finding('natReplyBypass', ev, [rs, c.director], {
        host: rs,
        director: c.director,
        dev: ev.dev,
        nexthop: nextHop ?? ev.eth.dst,
        rip: c.dest,
        client: c.client,
        vip: c.virtual,
      }),
    ];
  },
};

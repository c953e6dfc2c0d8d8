import type { FindingDetector } from '../types';
import { finding } from '../types';

/**
 * Split brain: a director became MASTER and added the VIPs while another still held them, so
 * two hosts answer for the same address. It happens when the adverts do not get through: a
 * firewall drops them, or the instances reject each other's (virtual_router_id, auth_pass,
 * advert_int or VIP lists that differ).
 */
export const splitBrain: FindingDetector = {
  kind: 'splitBrain',
  kinds: ['vrrp.vip'],
  detect(ev, ctx) {
    const f = ctx.failover;
    const tk = f.takeover;
    if (ev.kind !== 'vrrp.vip' || tk?.at !== ev.seq || tk.others.length === 0) return [];
    const other = tk.others[0]!;
    const dropped = f.advertDropped.get(ev.host) ?? f.advertDropped.get(other);
    const rejected = f.advertRejected.get(ev.host) ?? f.advertRejected.get(other);
    const detail = dropped ?? rejected ?? '-';
    const variant = dropped ? 'firewall' : rejected ? 'rejected' : 'unheard';
    return [
      finding('splitBrain', ev, [ev.host, other], { host: ev.host, other, vips: tk.vips, detail }, variant),
    ];
  },
};

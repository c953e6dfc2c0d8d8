import type { FindingDetector } from '../types';
import { finding } from '../types';
import { seconds } from './failover';

/**
 * A director with a higher priority came back and took the VIPs from the one that held them
 * (preemption, the default unless nopreempt): the holder went BACKUP on its advert. Even a
 * planned move leaves the VIPs unheld for about one advert_int.
 */
export const preemption: FindingDetector = {
  kind: 'preemption',
  kinds: ['vrrp.vip'],
  detect(ev, ctx) {
    const tk = ctx.failover.takeover;
    if (ev.kind !== 'vrrp.vip' || tk?.at !== ev.seq || !tk.lost) return [];
    const { lost } = tk;
    if (lost.host === ev.host || lost.cause !== 'higher-priority') return [];
    return [
      finding('preemption', ev, [ev.host, lost.host], {
        host: ev.host,
        from: lost.host,
        vips: tk.vips,
        gap: seconds(ev.t - lost.t),
      }),
    ];
  },
};

import type { FindingDetector } from '../types';
import { finding } from '../types';

/** Seconds with one decimal, the way the sentence says how long no director held the VIP. */
export function seconds(us: number): string {
  return (us / 1_000_000).toFixed(1);
}

/**
 * Another director took the VIPs over after their holder gave them up (keepalived stopped and
 * sent priority 0, or its interface or a tracked item failed): said when the new MASTER adds
 * them, with how long no director held them — the time clients' packets went unanswered.
 */
export const failover: FindingDetector = {
  kind: 'failover',
  kinds: ['vrrp.vip'],
  detect(ev, ctx) {
    const tk = ctx.failover.takeover;
    if (ev.kind !== 'vrrp.vip' || tk?.at !== ev.seq || !tk.lost) return [];
    const { lost } = tk;
    if (lost.host === ev.host || lost.cause === 'higher-priority') return [];
    const variant = lost.cause === 'stop' ? 'stop' : lost.cause === 'fault' ? 'fault' : 'other';
    return [
      finding(
        'failover',
        ev,
        [ev.host, lost.host],
        { host: ev.host, from: lost.host, vips: tk.vips, gap: seconds(ev.t - lost.t) },
        variant,
      ),
    ];
  },
};

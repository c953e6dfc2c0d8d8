import type { TraceEvent } from '@/engine';
import { msg } from './message';
import type { Message } from './message';

/** keepalived's events in words: VRRP state changes, VIPs, adverts, GARPs, real servers. */
export function vrrpText(e: TraceEvent): Message | undefined {
  switch (e.kind) {
    case 'vrrp.state':
      return msg('ev.vrrp.state', { host: e.host, instance: e.instance, from: e.from, to: e.to });
    case 'vrrp.vip':
      return msg(e.action === 'add' ? 'ev.vrrp.vipAdd' : 'ev.vrrp.vipDel', {
        host: e.host,
        vips: e.vips.join(', '),
        dev: e.dev,
      });
    case 'vrrp.advert':
      return msg('ev.vrrp.advert', { host: e.host, vrid: e.vrid, priority: e.priority });
    case 'vrrp.garp':
      return msg('ev.vrrp.garp', { host: e.host, vip: e.vip, dev: e.dev });
    case 'keepalived.rs':
      return msg(e.up ? 'ev.vrrp.rsUp' : 'ev.vrrp.rsDown', {
        host: e.host,
        rs: `${e.rs}:${e.port}`,
        vs: e.vs,
      });
    default:
      return undefined;
  }
}

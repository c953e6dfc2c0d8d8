import type { EventOf, TraceEvent } from '@/engine';
import { msg } from './message';
import type { Message } from './message';

function arpDecideWhy(e: EventOf<'arp.decide'>): Message {
  const p = {
    tip: e.tip,
    dev: e.dev,
    value: String(e.arp_ignore),
    all: String(e.arp_ignore_all),
    devValue: String(e.arp_ignore_dev),
  };
  if (e.verdict === 'reply') return msg('why.arp.reply', p);
  if (e.reason === 'arp_ignore') return msg(`why.arpIgnore.${e.detail || 'other'}`, p);
  return msg('why.arp.silent', { ...p, reason: msg(`reason.${e.reason}`) });
}

function scheduleWhy(e: EventOf<'ipvs.schedule'>): Message | undefined {
  const ex = e.explanation;
  if (!ex) return undefined;
  const params: Record<string, string | number> = { winner: ex.winner ?? '—', scheduler: ex.scheduler };
  for (const [k, v] of Object.entries(ex.params)) params[k] = String(v);
  return msg(`why.rule.${ex.rule}`, params);
}

/** Why a decision came out as it did: the sysctl, the scheduler's rule, the drop's reason. */
export function eventWhy(e: TraceEvent): Message | undefined {
  switch (e.kind) {
    case 'arp.decide':
      return arpDecideWhy(e);
    case 'arp.solicit':
      return msg(`why.announce.${e.rule}`, { value: String(e.arp_announce), sender: e.sender });
    case 'neigh':
    case 'neigh.ignored':
      return msg(`why.neigh.${e.reason}`);
    case 'ipvs.schedule':
      return scheduleWhy(e);
    case 'drop':
      return msg(`why.drop.${e.reason}`, { dev: e.dev ?? '', host: e.host });
    case 'route':
      return e.result === 'error' ? msg(`why.drop.${e.reason ?? ''}`, { dev: e.dev ?? '' }) : undefined;
    case 'hook':
      if (e.verdict === 'STOLEN') return msg('why.hook.stolen', { hook: e.hook });
      if (e.verdict === 'DROP') return msg('why.hook.drop', { reason: e.reason ?? '' });
      return undefined;
    case 'ipvs.xmit':
      return msg(`why.xmit.${e.method}`);
    case 'ipvs.snat':
      return msg('why.xmit.snat');
    case 'frame.rx':
      return e.accepted ? undefined : msg('why.frame.notForUs');
    case 'sock':
      return msg(`why.sock.${e.reason}`);
    default:
      return undefined;
  }
}

import type { TraceEvent } from '@/engine';
import { msg } from './message';
import type { Message } from './message';
import type { HookEvent, ScheduleEvent } from './traceEvents';
import { str } from './traceEvents';

function arpDecideWhy(e: TraceEvent): Message {
  const p = {
    tip: str(e, 'tip'),
    dev: str(e, 'dev'),
    value: str(e, 'arp_ignore'),
    all: str(e, 'arp_ignore_all'),
    devValue: str(e, 'arp_ignore_dev'),
  };
  if (e.verdict === 'reply') return msg('why.arp.reply', p);
  if (e.reason === 'arp_ignore') return msg(`why.arpIgnore.${str(e, 'detail') || 'other'}`, p);
  return msg('why.arp.silent', { ...p, reason: msg(`reason.${str(e, 'reason')}`) });
}

function scheduleWhy(e: ScheduleEvent): Message | undefined {
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
      return msg(`why.announce.${str(e, 'rule')}`, {
        value: str(e, 'arp_announce'),
        sender: str(e, 'sender'),
      });
    case 'neigh':
    case 'neigh.ignored':
      return msg(`why.neigh.${str(e, 'reason')}`);
    case 'ipvs.schedule':
      return scheduleWhy(e as ScheduleEvent);
    case 'drop':
      return msg(`why.drop.${str(e, 'reason')}`, { dev: str(e, 'dev'), host: str(e, 'host') });
    case 'route':
      return e.result === 'error' ? msg(`why.drop.${str(e, 'reason')}`, { dev: str(e, 'dev') }) : undefined;
    case 'hook': {
      const h = e as HookEvent;
      if (h.verdict === 'STOLEN') return msg('why.hook.stolen', { hook: h.hook });
      if (h.verdict === 'DROP') return msg('why.hook.drop', { reason: h.reason ?? '' });
      return undefined;
    }
    case 'ipvs.xmit':
      return msg(`why.xmit.${str(e, 'method')}`);
    case 'ipvs.snat':
      return msg('why.xmit.snat');
    case 'frame.rx':
      return e.accepted ? undefined : msg('why.frame.notForUs');
    case 'sock':
      return msg(`why.sock.${str(e, 'reason')}`);
    default:
      return undefined;
  }
}

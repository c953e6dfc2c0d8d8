import type { TraceEvent } from '@/engine';
import type { HopIndex } from './frameHops';
import { frameSummary } from './frameSummary';
import { msg } from './message';
import type { Message } from './message';
import type { HookEvent, RouteEvent, ScheduleEvent, XmitEvent } from './traceEvents';
import { str } from './traceEvents';
import { ipvsControlText, xmitText } from './ipvsText';

function hookFns(e: HookEvent): Message {
  if (e.fns.length === 0) return msg('ev.hookFns.none');
  const list = e.fns.map((f) => `${f.name} (${f.priority}) ${f.verdict}`).join(', ');
  return msg('ev.hookFns.list', { list });
}

function routeText(e: RouteEvent): Message {
  const p = {
    host: e.host,
    dst: str(e, 'dst'),
    src: str(e, 'src'),
    dev: e.outDev ?? '',
    via: e.nexthop ?? '',
  };
  if (e.result === 'error')
    return msg('ev.route.error', { ...p, reason: msg(`reason.${e.reason ?? 'unknown'}`) });
  if (e.dir === 'output') return msg('ev.route.output', p);
  if (e.result === 'local') return msg('ev.route.local', p);
  if (e.result === 'forward') return msg('ev.route.forward', p);
  return msg('ev.route.other', { ...p, result: e.result });
}

function frameText(e: TraceEvent, hops: HopIndex): Message {
  const hop = hops.byFrame.get(str(e, 'frame'));
  const summary = hop ? frameSummary(hop.eth) : msg('sum.unknown');
  const p = { host: str(e, 'host'), dev: str(e, 'dev'), segment: str(e, 'segment'), summary };
  if (e.kind === 'frame.tx') return msg('ev.frame.tx', p);
  return msg(e.accepted ? 'ev.frame.rx' : 'ev.frame.rxIgnored', p);
}

function arpText(e: TraceEvent): Message {
  if (e.kind === 'arp.solicit') {
    return msg(e.unicast ? 'ev.arp.probe' : 'ev.arp.solicit', {
      host: str(e, 'host'),
      target: str(e, 'target'),
      sender: str(e, 'sender'),
      dev: str(e, 'dev'),
    });
  }
  const p = { host: str(e, 'host'), tip: str(e, 'tip'), sip: str(e, 'sip'), dev: str(e, 'dev') };
  return msg(e.verdict === 'reply' ? 'ev.arp.reply' : 'ev.arp.silent', p);
}

function neighText(e: TraceEvent): Message {
  const p = { host: str(e, 'host'), ip: str(e, 'ip'), mac: str(e, 'mac') || '—', dev: str(e, 'dev') };
  if (e.kind === 'neigh.ignored') return msg('ev.neighIgnored', { ...p, offered: str(e, 'offered') });
  return msg('ev.neigh', { ...p, from: str(e, 'from'), to: str(e, 'to') });
}

function scheduleText(e: ScheduleEvent): Message {
  if (!e.dest) return msg('ev.ipvs.scheduleNone', { scheduler: e.scheduler, client: e.client, host: e.host });
  return msg('ev.ipvs.schedule', { scheduler: e.scheduler, client: e.client, dest: e.dest, host: e.host });
}

function ipvsText(e: TraceEvent): Message {
  const host = str(e, 'host');
  switch (e.kind) {
    case 'ipvs.schedule':
      return scheduleText(e as ScheduleEvent);
    case 'ipvs.conn':
      return e.event === 'new'
        ? msg('ev.ipvs.connNew', {
            conn: str(e, 'conn'),
            client: str(e, 'client'),
            vip: str(e, 'virtual'),
            dest: str(e, 'dest'),
            fwd: msg(`fwd.${str(e, 'fwd')}`),
          })
        : msg('ev.ipvs.connGone', { conn: str(e, 'conn'), event: str(e, 'event'), dest: str(e, 'dest') });
    case 'ipvs.state':
      return msg('ev.ipvs.state', {
        conn: str(e, 'conn'),
        from: str(e, 'from'),
        to: str(e, 'to'),
        timeout: str(e, 'timeout'),
      });
    case 'ipvs.xmit':
    case 'ipvs.snat':
      return xmitText(e as XmitEvent);
    case 'ipvs.control':
      return ipvsControlText(e);
    case 'ipvs.module':
      return msg('ev.ipvs.module', { host });
    case 'ipvs.overload':
      return msg(e.overloaded ? 'ev.ipvs.overload' : 'ev.ipvs.underload', { dest: str(e, 'dest') });
    default:
      return msg('ev.generic', { kind: e.kind, host });
  }
}

/** What happened, in one translatable sentence. */
export function eventText(e: TraceEvent, hops: HopIndex): Message {
  const host = str(e, 'host');
  switch (e.kind) {
    case 'frame.tx':
    case 'frame.rx':
      return frameText(e, hops);
    case 'hook': {
      const h = e as HookEvent;
      return msg('ev.hookRun', { host, hook: h.hook, fns: hookFns(h), verdict: h.verdict });
    }
    case 'route':
      return routeText(e as RouteEvent);
    case 'arp.solicit':
    case 'arp.decide':
      return arpText(e);
    case 'neigh':
    case 'neigh.ignored':
      return neighText(e);
    case 'sock':
      return msg('ev.sock', {
        host,
        local: str(e, 'local'),
        remote: str(e, 'remote'),
        from: str(e, 'from'),
        to: str(e, 'to'),
      });
    case 'sock.error':
      return msg('ev.sockError', { host, error: str(e, 'error') });
    case 'tcp.retransmit':
      return msg('ev.tcpRetransmit', { host });
    case 'drop':
      return msg('ev.drop', { host, pkt: str(e, 'pkt'), reason: msg(`reason.${str(e, 'reason')}`) });
    case 'icmp.send':
      return msg('ev.icmpSend', { host, to: str(e, 'to'), type: str(e, 'type'), code: str(e, 'code') });
    case 'icmp.ratelimited':
      return msg('ev.icmpLimited', { host, to: str(e, 'to') });
    case 'ipip.decap': {
      const outer = e.outer as { src: string; dst: string };
      const inner = e.inner as { src: string; dst: string };
      return msg('ev.ipipDecap', {
        host,
        osrc: outer.src,
        odst: outer.dst,
        isrc: inner.src,
        idst: inner.dst,
      });
    }
    case 'cmd.start':
      return msg('ev.cmdStart', { host, command: str(e, 'command') });
    case 'cmd.end':
      return msg(e.interrupted ? 'ev.cmdInterrupted' : 'ev.cmdEnd', { host, exit: str(e, 'exit') });
    case 'addr.add':
      return msg('ev.cfg.addrAdd', { host, addr: str(e, 'addr'), dev: str(e, 'label') || str(e, 'dev') });
    case 'addr.del':
      return msg('ev.cfg.addrDel', { host, addr: str(e, 'addr'), dev: str(e, 'dev') });
    case 'link.set':
      return msg(e.up ? 'ev.cfg.linkUp' : 'ev.cfg.linkDown', { host, dev: str(e, 'dev') });
    case 'netdev.register':
      return msg('ev.cfg.netdevAdd', { host, dev: str(e, 'dev'), kind: str(e, 'devKind') });
    case 'netdev.unregister':
      return msg('ev.cfg.netdevDel', { host, dev: str(e, 'dev') });
    case 'route.add':
      return msg(e.via ? 'ev.cfg.routeAddVia' : 'ev.cfg.routeAdd', {
        host,
        dst: str(e, 'dst'),
        via: str(e, 'via'),
        dev: str(e, 'dev'),
      });
    case 'route.del':
      return msg('ev.cfg.routeDel', { host, dst: str(e, 'dst') });
    case 'app':
      return msg('ev.app', {
        host,
        app: str(e, 'app'),
        exit: str(e, 'exit'),
        status: str(e, 'status') || '—',
      });
    default:
      return e.kind.startsWith('ipvs.') ? ipvsText(e) : msg('ev.generic', { kind: e.kind, host });
  }
}

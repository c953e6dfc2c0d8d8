import type { EventOf, HookEvent, RouteEvent, TraceEvent } from '@/engine';
import type { HopIndex } from './frameHops';
import { frameSummary } from './frameSummary';
import { msg } from './message';
import { vrrpText } from './vrrpText';
import type { Message } from './message';
import { ipvsControlText, xmitText } from './ipvsText';
import { kernelText } from './kernelText';

function hookFns(e: HookEvent): Message {
  if (e.fns.length === 0) return msg('ev.hookFns.none');
  const list = e.fns.map((f) => `${f.name} (${f.priority}) ${f.verdict}`).join(', ');
  return msg('ev.hookFns.list', { list });
}

function routeText(e: RouteEvent): Message {
  const p = { host: e.host, dst: e.dst, src: e.src, dev: e.outDev ?? '', via: e.nexthop ?? '' };
  if (e.result === 'error')
    return msg('ev.route.error', { ...p, reason: msg(`reason.${e.reason ?? 'unknown'}`) });
  if (e.dir === 'output') return msg('ev.route.output', p);
  if (e.result === 'local') return msg('ev.route.local', p);
  if (e.result === 'forward') return msg('ev.route.forward', p);
  return msg('ev.route.other', { ...p, result: e.result });
}

function frameText(e: EventOf<'frame.tx' | 'frame.rx'>, hops: HopIndex): Message {
  const hop = hops.byFrame.get(e.frame);
  const summary = hop ? frameSummary(hop.eth) : msg('sum.unknown');
  const p = { host: e.host, dev: e.dev, segment: e.kind === 'frame.tx' ? e.segment : '', summary };
  if (e.kind === 'frame.tx') return msg('ev.frame.tx', p);
  return msg(e.accepted ? 'ev.frame.rx' : 'ev.frame.rxIgnored', p);
}

function arpText(e: EventOf<'arp.solicit' | 'arp.decide'>): Message {
  if (e.kind === 'arp.solicit') {
    return msg(e.unicast ? 'ev.arp.probe' : 'ev.arp.solicit', {
      host: e.host,
      target: e.target,
      sender: e.sender,
      dev: e.dev,
    });
  }
  const p = { host: e.host, tip: e.tip, sip: e.sip, dev: e.dev };
  return msg(e.verdict === 'reply' ? 'ev.arp.reply' : 'ev.arp.silent', p);
}

function neighText(e: EventOf<'neigh' | 'neigh.ignored'>): Message {
  const p = { host: e.host, ip: e.ip, mac: e.mac || '—', dev: e.dev };
  if (e.kind === 'neigh.ignored') return msg('ev.neighIgnored', { ...p, offered: e.offered });
  return msg('ev.neigh', { ...p, from: e.from, to: e.to });
}

function scheduleText(e: EventOf<'ipvs.schedule'>): Message {
  if (!e.dest) return msg('ev.ipvs.scheduleNone', { scheduler: e.scheduler, client: e.client, host: e.host });
  return msg('ev.ipvs.schedule', { scheduler: e.scheduler, client: e.client, dest: e.dest, host: e.host });
}

function connText(e: EventOf<'ipvs.conn'>): Message {
  if (e.event === 'new')
    return msg('ev.ipvs.connNew', {
      conn: e.conn,
      client: e.client,
      vip: e.virtual,
      dest: e.dest,
      fwd: msg(`fwd.${e.fwd}`),
    });
  return msg('ev.ipvs.connGone', { conn: e.conn, event: e.event, dest: 'dest' in e ? e.dest : '' });
}

function ipvsText(e: TraceEvent): Message {
  switch (e.kind) {
    case 'ipvs.schedule':
      return scheduleText(e);
    case 'ipvs.conn':
      return connText(e);
    case 'ipvs.state':
      return msg('ev.ipvs.state', { conn: e.conn, from: e.from, to: e.to, timeout: String(e.timeout) });
    case 'ipvs.xmit':
    case 'ipvs.snat':
      return xmitText(e);
    case 'ipvs.control':
      return ipvsControlText(e);
    case 'ipvs.module':
      return msg('ev.ipvs.module', { host: e.host });
    case 'ipvs.overload':
      return msg(e.overloaded ? 'ev.ipvs.overload' : 'ev.ipvs.underload', { dest: e.dest });
    default:
      return msg('ev.generic', { kind: e.kind, host: e.host ?? '' });
  }
}

function configText(e: TraceEvent): Message | undefined {
  switch (e.kind) {
    case 'addr.add':
      return msg('ev.cfg.addrAdd', { host: e.host, addr: e.addr, dev: e.label || e.dev });
    case 'addr.del':
      return msg('ev.cfg.addrDel', { host: e.host, addr: e.addr, dev: e.dev });
    case 'link.set':
      return msg(e.up ? 'ev.cfg.linkUp' : 'ev.cfg.linkDown', { host: e.host, dev: e.dev });
    case 'netdev.register':
      return msg('ev.cfg.netdevAdd', { host: e.host, dev: e.dev, kind: e.devKind });
    case 'netdev.unregister':
      return msg('ev.cfg.netdevDel', { host: e.host, dev: e.dev });
    case 'route.add':
      return msg(e.via ? 'ev.cfg.routeAddVia' : 'ev.cfg.routeAdd', {
        host: e.host,
        dst: e.dst,
        via: e.via ?? '',
        dev: e.dev,
      });
    case 'route.del':
      return msg('ev.cfg.routeDel', { host: e.host, dst: e.dst });
    default:
      return undefined;
  }
}

/** What happened, in one translatable sentence. */
export function eventText(e: TraceEvent, hops: HopIndex): Message {
  const host = e.host ?? '';
  switch (e.kind) {
    case 'frame.tx':
    case 'frame.rx':
      return frameText(e, hops);
    case 'hook':
      return msg('ev.hookRun', { host, hook: e.hook, fns: hookFns(e), verdict: e.verdict });
    case 'route':
      return routeText(e);
    case 'arp.solicit':
    case 'arp.decide':
      return arpText(e);
    case 'neigh':
    case 'neigh.ignored':
      return neighText(e);
    case 'sock':
      return msg('ev.sock', { host, local: e.local, remote: e.remote, from: e.from, to: e.to });
    case 'sock.error':
      return msg('ev.sockError', { host, error: e.error });
    case 'tcp.retransmit':
      return msg('ev.tcpRetransmit', { host });
    case 'tcp.cwnd':
      return msg(`ev.tcpCwnd.${e.reason}`, { host, cwnd: String(e.cwnd) });
    case 'drop':
      return msg('ev.drop', { host, pkt: e.pkt ?? '', reason: msg(`reason.${e.reason}`) });
    case 'icmp.send':
      return msg('ev.icmpSend', { host, to: e.to, type: String(e.type), code: String(e.code) });
    case 'icmp.ratelimited':
      return msg('ev.icmpLimited', { host, to: e.to });
    case 'ipip.decap':
      return msg('ev.ipipDecap', {
        host,
        osrc: e.outer.src,
        odst: e.outer.dst,
        isrc: e.inner.src,
        idst: e.inner.dst,
      });
    case 'cmd.start':
      return msg('ev.cmdStart', { host, command: e.command });
    case 'cmd.end':
      return msg(e.interrupted ? 'ev.cmdInterrupted' : 'ev.cmdEnd', { host, exit: String(e.exit) });
    case 'app':
      return msg('ev.app', {
        host,
        app: e.app,
        exit: 'exit' in e ? String(e.exit) : '',
        status: 'status' in e && e.status !== null ? String(e.status) : '—',
      });
    default:
      return (
        configText(e) ??
        kernelText(e) ??
        vrrpText(e) ??
        (e.kind.startsWith('ipvs.') ? ipvsText(e) : msg('ev.generic', { kind: e.kind, host }))
      );
  }
}

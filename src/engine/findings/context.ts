import type { TraceEvent } from '../core/trace';
import type { RouteEvent } from '../stack/routeEvent';
import { FAILOVER_LEARN_KINDS, learnFailover, newFailoverFacts } from './failoverFacts';
import type { FailoverFacts } from './failoverFacts';

/** A NAT connection as the director recorded it, keyed by the real server's reply tuple. */
export interface MasqConn {
  director: string;
  conn: string;
  client: string;
  virtual: string;
  dest: string;
}

/** A reply that bypassed the director, remembered so the client's RST can be tied to it. */
export interface BypassReply {
  rs: string;
  director: string;
  client: string;
  dest: string;
  virtual: string;
}

/**
 * What the scan has learned from the trace so far: facts later events are judged against.
 * Grows with the trace (one update per event), so a scan can resume where it stopped.
 */
export interface ScanContext {
  /** Virtual address → the host whose IPVS serves it. */
  vipOwner: Map<string, string>;
  /** `rip:rport>cip:cport` → the NAT connection the reply belongs to. */
  masq: Map<string, MasqConn>;
  /** MAC → the host that sent frames from it. */
  macHost: Map<string, string>;
  /** Packet id → the bypassing reply it is. */
  bypass: Map<string, BypassReply>;
  /** Host → its latest input route error (the drop that follows carries less detail). */
  routeError: Map<string, RouteEvent>;
  /** Packet id → the host whose kernel created it as an ICMP error. */
  icmpOrigin: Map<string, string>;
  /** `vip|host` for every host whose IPVS serves the VIP (the ha lab has two directors). */
  vipHosts: Set<string>;
  /** Host → how many IPVS virtual services it has (fwmark ones too). */
  ipvsServices: Map<string, number>;
  /** keepalived: VIP holders, health checks, blocked adverts. */
  failover: FailoverFacts;
  /** Keys of situations already reported (a situation that repeats per packet is said once). */
  seen: Set<string>;
}

export function newScanContext(): ScanContext {
  return {
    vipOwner: new Map(),
    masq: new Map(),
    macHost: new Map(),
    bypass: new Map(),
    routeError: new Map(),
    icmpOrigin: new Map(),
    ipvsServices: new Map(),
    vipHosts: new Set(),
    failover: newFailoverFacts(),
    seen: new Set(),
  };
}

/** True the first time `key` is offered: for findings said once per situation. */
export function firstTime(ctx: ScanContext, key: string): boolean {
  if (ctx.seen.has(key)) return false;
  ctx.seen.add(key);
  return true;
}

/** `TCP 1.2.3.4:80` → `1.2.3.4`; fwmark services have no address. */
function serviceAddr(service: string): string | undefined {
  const m = /^\w+ ([\d.]+):\d+$/.exec(service);
  return m?.[1];
}

/** The event kinds `learn` folds (a scan skips the others unbuilt). */
export const LEARN_KINDS: readonly TraceEvent['kind'][] = [
  ...FAILOVER_LEARN_KINDS,
  'ipvs.control',
  'ipvs.conn',
  'frame.tx',
  'icmp.send',
  'route',
];

/** Fold one event into the facts (called before the detectors see it). */
export function learn(ctx: ScanContext, ev: TraceEvent): void {
  learnFailover(ctx.failover, ev);
  switch (ev.kind) {
    case 'ipvs.control': {
      const n = ctx.ipvsServices.get(ev.host) ?? 0;
      if (ev.event === 'add-service') ctx.ipvsServices.set(ev.host, n + 1);
      else if (ev.event === 'delete-service') ctx.ipvsServices.set(ev.host, Math.max(0, n - 1));
      const vip = serviceAddr(ev.service);
      if (vip === undefined) return;
      if (ev.event === 'add-service') {
        ctx.vipOwner.set(vip, ev.host);
        ctx.vipHosts.add(`${vip}|${ev.host}`);
      } else if (ev.event === 'delete-service') {
        ctx.vipHosts.delete(`${vip}|${ev.host}`);
        if (ctx.vipOwner.get(vip) === ev.host) ctx.vipOwner.delete(vip);
      }
      return;
    }
    case 'ipvs.conn':
      if (ev.event === 'new' && ev.fwd === 'masq' && !ev.client.endsWith(':0'))
        ctx.masq.set(`${ev.dest}>${ev.client}`, {
          director: ev.host,
          conn: ev.conn,
          client: ev.client,
          virtual: ev.virtual,
          dest: ev.dest,
        });
      return;
    case 'frame.tx':
      if (!ctx.macHost.has(ev.eth.src)) ctx.macHost.set(ev.eth.src, ev.host);
      return;
    case 'icmp.send':
      ctx.icmpOrigin.set(ev.pkt, ev.host);
      return;
    case 'route':
      if (ev.dir === 'input' && ev.result === 'error') ctx.routeError.set(ev.host, ev);
      return;
    default:
      return;
  }
}

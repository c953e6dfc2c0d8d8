/**
 * What the findings scan learns from keepalived's events: who holds each VRRP VIP set, when the
 * last holder gave it up and why, which real servers pass their health checks, and which VRRP
 * adverts a firewall dropped or an instance rejected (the usual reasons for two MASTERs).
 */
import type { TraceEvent } from '../core/trace';

/** The VIPs an instance added, with what came before on the other directors. */
export interface VipTakeover {
  /** Seq of the `vrrp.vip` add event. */
  at: number;
  vips: string;
  host: string;
  /** Directors still holding the same VIPs (split brain when not empty). */
  others: string[];
  /** The previous holder, when it gave the VIPs up and no one held them since. */
  lost?: VipLoss;
}

export interface VipLoss {
  host: string;
  t: number;
  /** The cause of its state change away from MASTER ('stop', 'fault', 'higher-priority'). */
  cause?: string;
}

export interface FailoverFacts {
  holders: Map<string, Set<string>>;
  lost: Map<string, VipLoss>;
  takeover?: VipTakeover;
  /** `director|rs:port` → why the last check failed. */
  checkFail: Map<string, string>;
  /** Real server address → the director whose check last passed for it. */
  healthy: Map<string, string>;
  /** Address → the host that first sent from it. */
  ipHost: Map<string, string>;
  /** Host → the iptables rule (or policy) that dropped a VRRP advert there. */
  advertDropped: Map<string, string>;
  /** Host → why its instance rejected an advert. */
  advertRejected: Map<string, string>;
}

export function newFailoverFacts(): FailoverFacts {
  return {
    holders: new Map(),
    lost: new Map(),
    checkFail: new Map(),
    healthy: new Map(),
    ipHost: new Map(),
    advertDropped: new Map(),
    advertRejected: new Map(),
  };
}

const IPPROTO_VRRP = 112;

function vipEvent(f: FailoverFacts, ev: Extract<TraceEvent, { kind: 'vrrp.vip' }>): void {
  const key = ev.vips.join(',');
  let held = f.holders.get(key);
  if (!held) f.holders.set(key, (held = new Set()));
  if (ev.action === 'add') {
    const others = [...held].filter((h) => h !== ev.host);
    const lost = f.lost.get(key);
    f.takeover = { at: ev.seq, vips: key, host: ev.host, others };
    if (lost && others.length === 0) f.takeover.lost = lost;
    f.lost.delete(key);
    held.add(ev.host);
    return;
  }
  held.delete(ev.host);
  if (held.size === 0) f.lost.set(key, { host: ev.host, t: ev.t });
}

/** The event kinds `learnFailover` folds (a scan skips the others unbuilt). */
export const FAILOVER_LEARN_KINDS: readonly TraceEvent['kind'][] = [
  'vrrp.vip',
  'vrrp.state',
  'keepalived.check',
  'keepalived.rs',
  'vrrp.reject',
  'iptables.verdict',
  'frame.tx',
];

/** Fold one event into the failover facts. */
export function learnFailover(f: FailoverFacts, ev: TraceEvent): void {
  switch (ev.kind) {
    case 'vrrp.vip':
      vipEvent(f, ev);
      return;
    case 'vrrp.state':
      if (ev.from !== 'MASTER') return;
      for (const l of f.lost.values()) if (l.host === ev.host && l.cause === undefined) l.cause = ev.cause;
      return;
    case 'keepalived.check':
      if (ev.ok) f.healthy.set(ev.rs, ev.host);
      else f.checkFail.set(`${ev.host}|${ev.rs}:${ev.port}`, ev.reason ?? '');
      return;
    case 'keepalived.rs':
      if (!ev.up && f.healthy.get(ev.rs) === ev.host) f.healthy.delete(ev.rs);
      return;
    case 'vrrp.reject':
      f.advertRejected.set(ev.host, ev.reason);
      return;
    case 'iptables.verdict':
      if (ev.protocol === IPPROTO_VRRP && ev.verdict !== 'ACCEPT')
        f.advertDropped.set(ev.host, ev.spec ?? `-P ${ev.chain} ${ev.verdict}`);
      return;
    case 'frame.tx': {
      const ip = ev.eth.payload;
      if (ip.proto === 'ipv4' && !f.ipHost.has(ip.src)) f.ipHost.set(ip.src, ev.host);
      return;
    }
    default:
      return;
  }
}

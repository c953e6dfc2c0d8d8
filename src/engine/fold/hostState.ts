/**
 * Host state at a trace position, folded from the kernel's change events (stack/hostEvents.ts,
 * neigh*, ipvs.control): what `ip link`, `ip addr`, `ip route`, `ip neigh`, the written sysctls,
 * the netfilter hook lists and the IPVS table held after the first `cursor` events. Pure: the
 * same trace and cursor give the same answer, so a view can show the state at the cursor.
 */
import { eachSticky, kindOf } from '../core/trace';
import type { TraceEvent, TraceLog } from '../core/trace';
import type { NetAddrEvent, NetLinkEvent } from '../stack/hostEvents';
import type { HookName } from '../stack/netfilter';
import type { NudState } from '../stack/neighbour';
import type { Route } from '../stack/routeTable';
import { applyIpvs } from './ipvsTable';
import type { IpvsServiceState } from './ipvsTable';

export type LinkState = Omit<NetLinkEvent, 'kind' | 'host' | 'op'>;
export type AddrState = Omit<NetAddrEvent, 'kind' | 'host' | 'op'>;

export interface NeighState {
  dev: string;
  ip: string;
  mac: string | null;
  state: NudState;
}

export interface HookState {
  name: string;
  priority: number;
}

export interface HostState {
  links: Map<string, LinkState>;
  /** In the order they were added. */
  addrs: AddrState[];
  /** Both tables, in the order the routes were added. */
  routes: Route[];
  /** Keyed `dev|ip`. */
  neigh: Map<string, NeighState>;
  /** Values written since the lab started (a key not here still has its boot value). */
  sysctl: Map<string, number>;
  /** Each hook point's functions in priority order. */
  hooks: Map<HookName, HookState[]>;
  /** The virtual service table, in the order services were added. */
  ipvs: IpvsServiceState[];
}

export function emptyHost(): HostState {
  return {
    links: new Map(),
    addrs: [],
    routes: [],
    neigh: new Map(),
    sysctl: new Map(),
    hooks: new Map(),
    ipvs: [],
  };
}

function sameRoute(a: Route, b: Route): boolean {
  return (
    a.table === b.table &&
    a.type === b.type &&
    a.dst === b.dst &&
    a.prefix === b.prefix &&
    a.dev === b.dev &&
    a.metric === b.metric &&
    a.via === b.via &&
    a.src === b.src
  );
}

function applyHook(s: HostState, e: Extract<TraceEvent, { kind: 'hook.register' }>): void {
  const list = s.hooks.get(e.hook) ?? [];
  if (e.op === 'add') {
    let i = list.length;
    while (i > 0 && list[i - 1]!.priority > e.priority) i--;
    list.splice(i, 0, { name: e.name, priority: e.priority });
  } else {
    const i = list.findIndex((x) => x.name === e.name);
    if (i >= 0) list.splice(i, 1);
  }
  s.hooks.set(e.hook, list);
}

/**
 * The kinds `applyHostEvent` folds. A fold skips every other event by its kind column without
 * building it: a long `ab` is ~99% frames and hooks, and building each one was most of the walk.
 */
export const HOST_STATE_KINDS: ReadonlySet<string> = new Set([
  'net.link',
  'net.addr',
  'net.route',
  'neigh',
  'neigh.del',
  'sysctl.set',
  'hook.register',
  'ipvs.control',
]);

/** Apply one event to its host's state; events that change no state are ignored. */
export function applyHostEvent(s: HostState, e: TraceEvent): void {
  switch (e.kind) {
    case 'net.link': {
      const { kind: _k, host: _h, op, ...link } = e;
      if (op === 'del') s.links.delete(e.dev);
      else s.links.set(e.dev, link);
      return;
    }
    case 'net.addr': {
      const { kind: _k, host: _h, op, ...addr } = e;
      if (op === 'add') s.addrs.push(addr);
      else s.addrs = s.addrs.filter((a) => !(a.dev === e.dev && a.addr === e.addr));
      return;
    }
    case 'net.route':
      if (e.op === 'add') s.routes.push(e.route);
      else s.routes = s.routes.filter((r) => !sameRoute(r, e.route));
      return;
    case 'neigh':
      s.neigh.set(`${e.dev}|${e.ip}`, { dev: e.dev, ip: e.ip, mac: e.mac, state: e.to });
      return;
    case 'neigh.del':
      s.neigh.delete(`${e.dev}|${e.ip}`);
      return;
    case 'sysctl.set':
      s.sysctl.set(e.name, e.value);
      for (const [k, v] of Object.entries(e.propagated ?? {})) s.sysctl.set(k, v);
      return;
    case 'hook.register':
      applyHook(s, e);
      return;
    case 'ipvs.control':
      applyIpvs(s.ipvs, e);
      return;
    default:
      return;
  }
}

/**
 * Every host's state after the first `cursor` events of `trace` (a host none of whose events
 * changed its state has no entry: read that as the empty state).
 */
export function hostStatesAt(trace: TraceLog, cursor: number): Map<string, HostState> {
  return foldHostStates(new Map(), trace, 0, cursor);
}

/** Fold events `from` to `to` of `trace` into `hosts` (a fold from `from` on), and return it. */
export function foldHostStates(
  hosts: Map<string, HostState>,
  trace: TraceLog,
  from: number,
  to: number,
): Map<string, HostState> {
  const end = Math.max(0, Math.min(to, trace.length));
  // Every kind this fold reads is sticky: visit only those (a bounded trace keeps nothing else
  // in its summarised span, and a compact one lists them without reading the rest).
  eachSticky(trace, from, end, (i) => {
    if (!HOST_STATE_KINDS.has(kindOf(trace, i) ?? '')) return;
    const e = trace.at(i);
    if (e?.host === undefined) return;
    let s = hosts.get(e.host);
    if (!s) hosts.set(e.host, (s = emptyHost()));
    applyHostEvent(s, e);
  });
  return hosts;
}

/** One host's state after the first `cursor` events (empty when the host never appeared). */
export function hostStateAt(trace: TraceLog, cursor: number, host: string): HostState {
  return hostStatesAt(trace, cursor).get(host) ?? emptyHost();
}

import type { Ipv4 } from '../packet/types';
import { isLoopback, isMulticast, isZeronet, LIMITED_BROADCAST } from './addrMath';
import type { Host } from './host';
import type { FibResult } from './routeTable';

export type InputRoute = Readonly<
  | { ok: true; type: 'local' | 'broadcast'; res?: FibResult }
  | { ok: true; type: 'forward'; res: FibResult; nexthop: Ipv4 }
  | { ok: false; reason: InputRouteError; detail?: Record<string, string | number> }
>;

/**
 * Stable reasons a packet fails input routing, as the trace and the views name them:
 * martians, rp_filter (counted in IPReversePathFilter), no route, forwarding off.
 */
export type InputRouteError =
  | 'martian-source'
  | 'martian-destination'
  | 'local-source'
  | 'rp_filter'
  | 'no-route'
  | 'forwarding-disabled'
  | 'route-unreachable'
  | 'multicast-not-joined';

/**
 * fib_validate_source: the reverse-path check (docs/linux-behaviour.md A6, A7). Returns undefined when
 * the source is acceptable, else the reason.
 */
export function validateSource(
  host: Host,
  src: Ipv4,
  dev: string,
): { reason: InputRouteError; rpf: number } | undefined {
  const rpf = host.sysctl.conf(dev, 'rp_filter');
  const acceptLocal = host.sysctl.conf(dev, 'accept_local') !== 0;
  if (rpf === 0) {
    if (acceptLocal) return undefined;
    return host.isLocalAddr(src) ? { reason: 'local-source', rpf } : undefined;
  }
  const res = host.routes.lookup(src);
  if (!res) return { reason: 'rp_filter', rpf };
  if (res.type !== 'unicast' && !(res.type === 'local' && acceptLocal)) {
    return { reason: res.type === 'local' ? 'local-source' : 'rp_filter', rpf };
  }
  const devMatch = res.dev === dev || (res.type === 'local' && dev === 'lo');
  if (devMatch) return undefined;
  if (rpf === 1) return { reason: 'rp_filter', rpf };
  // Loose mode: a route through any interface is enough.
  return undefined;
}

/**
 * ip_route_input: one of the last two local or forwarded answers on `dev` again when asked the
 * same (a flow's packets arrive one after another; a director's inner device hears from its real
 * servers in turn), else routeInputSlow. Those answers read only the routes (a change drops them:
 * RouteTable.lastInput) and sysctls (their version is compared): no martian or rp_filter check, no
 * FIB lookup, per packet of a known flow.
 */
export function routeInput(host: Host, dst: Ipv4, src: Ipv4, dev: string, mark = 0): InputRoute {
  const routes = host.routes;
  const last = routes.lastInputOn(dev);
  const version = host.sysctl.version;
  if (last !== undefined) {
    if (last.dst === dst && last.src === src && last.mark === mark && last.sysctlVersion === version)
      return last.route;
    const o = last.older;
    if (o !== undefined && o.dst === dst && o.src === src && o.mark === mark && o.sysctlVersion === version)
      return o.route;
  }
  const route = routeInputSlow(host, dst, src, dev, mark);
  // Broadcast and multicast answers also read the device's groups: asked afresh each time.
  if (!route.ok || route.type === 'broadcast') return route;
  if (last === undefined) {
    routes.setLastInput(dev, { dst, src, mark, sysctlVersion: version, route, older: undefined });
    return route;
  }
  // The last answer becomes the older (its record reused), the new one the last.
  const o = last.older;
  if (o === undefined) last.older = { ...last, older: undefined };
  else {
    o.dst = last.dst;
    o.src = last.src;
    o.mark = last.mark;
    o.sysctlVersion = last.sysctlVersion;
    o.route = last.route;
  }
  last.dst = dst;
  last.src = src;
  last.mark = mark;
  last.sysctlVersion = version;
  last.route = route;
  return route;
}

/** ip_route_input_slow, reduced to the cases the labs exercise. */
function routeInputSlow(host: Host, dst: Ipv4, src: Ipv4, dev: string, mark: number): InputRoute {
  if (isMulticast(src) || src === LIMITED_BROADCAST || isZeronet(src))
    return { ok: false, reason: 'martian-source' };
  const routeLocalnet = host.sysctl.conf(dev, 'route_localnet') !== 0;
  if (dev !== 'lo' && !routeLocalnet && (isLoopback(src) || isLoopback(dst))) {
    return { ok: false, reason: isLoopback(src) ? 'martian-source' : 'martian-destination' };
  }
  if (dst === LIMITED_BROADCAST) return { ok: true, type: 'broadcast' };
  if (isMulticast(dst)) {
    // ip_check_mc_rcu: only a group joined on the device is ours; no multicast forwarding here.
    if (host.devices.get(dev)?.mcGroups?.has(dst)) return { ok: true, type: 'broadcast' };
    return { ok: false, reason: 'multicast-not-joined' };
  }
  const forwarding = host.sysctl.conf(dev, 'forwarding') !== 0;
  const res = host.routes.lookup(dst, undefined, mark, src);
  if (!res) return { ok: false, reason: forwarding ? 'no-route' : 'forwarding-disabled' };
  if (res.type === 'broadcast') return { ok: true, type: 'broadcast', res };
  if (res.type === 'local') {
    const bad = validateSource(host, src, dev);
    if (bad) return { ok: false, reason: bad.reason, detail: { rp_filter: bad.rpf } };
    return inputOf(res, 'local', dst);
  }
  if (!forwarding) return { ok: false, reason: 'forwarding-disabled' };
  if (res.type !== 'unicast') return { ok: false, reason: 'route-unreachable', detail: { type: res.type } };
  const bad = validateSource(host, src, dev);
  if (bad) return { ok: false, reason: bad.reason, detail: { rp_filter: bad.rpf } };
  return inputOf(res, 'forward', dst);
}

/**
 * The answer for a packet routed by `res` (local or forwarded): read-only, so the last one is
 * kept on the FIB result, which the table makes anew on any change (one object per packet saved).
 */
function inputOf(res: FibResult, type: 'local' | 'forward', dst: Ipv4): InputRoute {
  const m = res.input;
  if (m !== undefined && m.ok) {
    if (type === 'local' && m.type === 'local') return m;
    if (type === 'forward' && m.type === 'forward' && m.nexthop === (res.gw ?? dst)) return m;
  }
  const route: InputRoute =
    type === 'local' ? { ok: true, type, res } : { ok: true, type, res, nexthop: res.gw ?? dst };
  res.input = route;
  return route;
}

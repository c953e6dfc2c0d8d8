/**
 * Route changes made from the command line, checked the way the kernel checks them
 * (fib_create_info / fib_check_nh / fib_table_insert), shared by `ip route` and `route`.
 * Errors are the errno texts both tools print after their own prefix.
 */
import { inSubnet } from '../../../stack/addrMath';
import type { Host } from '../../../stack/host';
import type { AddrScope } from '../../../stack/netdev';
import type { Route, RouteTableId, RouteType } from '../../../stack/routeTable';
import { ipU32, prefixU32 } from './inet';

/** A route was added (`dst` is `net/prefix`; `via` null for a direct route). */
export interface RouteAddEvent {
  kind: 'route.add';
  host: string;
  table: RouteTableId;
  dst: string;
  via: string | null;
  dev: string;
}

/** A route was removed. */
export interface RouteDelEvent {
  kind: 'route.del';
  host: string;
  table: RouteTableId;
  dst: string;
  dev: string;
}

export interface RouteSpec {
  table: RouteTableId;
  type: RouteType;
  dst: string;
  prefix: number;
  via?: string;
  dev?: string;
  src?: string;
  metric: number;
  proto: Route['proto'];
  /** Unset: link for a device route, global for one through a gateway. */
  scope?: AddrScope;
}

/** The kernel's dump order: destination ascending, longer prefixes first, then metric. */
export function sortedRoutes(host: Host, table: RouteTableId): Route[] {
  const rs = host.routes.list(table).map((r, i) => ({ r, i }));
  rs.sort(
    (a, b) =>
      ipU32(a.r.dst) - ipU32(b.r.dst) || b.r.prefix - a.r.prefix || a.r.metric - b.r.metric || a.i - b.i,
  );
  return rs.map((x) => x.r);
}

/** fib_check_nh: the device a gateway is reached through directly (a link- or host-scope route). */
export function gatewayDev(
  host: Host,
  gw: string,
  oif?: string,
): { dev: string; type: RouteType } | undefined {
  for (const table of ['local', 'main'] as const) {
    let best: Route | undefined;
    for (const r of host.routes.list(table)) {
      if (r.scope === 'global' || (oif !== undefined && r.dev !== oif)) continue;
      if (!inSubnet(gw, r.dst, r.prefix)) continue;
      if (!best || r.prefix > best.prefix || (r.prefix === best.prefix && r.metric < best.metric)) best = r;
    }
    if (best) return { dev: best.dev, type: best.type };
  }
  return undefined;
}

/** Add a route; undefined, or the errno text (`File exists`, `Network is unreachable` ...). */
export function addRoute(host: Host, spec: RouteSpec): string | undefined {
  if ((ipU32(spec.dst) & ~prefixU32(spec.prefix)) >>> 0 !== 0) return 'Invalid argument';
  let dev = spec.dev;
  if (spec.via !== undefined) {
    const nh = gatewayDev(host, spec.via, dev);
    if (!nh) return 'Network is unreachable';
    if (nh.type !== 'unicast' && nh.type !== 'local') return 'Invalid argument';
    dev = nh.dev;
  }
  if (dev === undefined) return 'No such device';
  const nd = host.devices.get(dev);
  if (!nd) return 'No such device';
  if (!nd.up) return 'Network is down';
  if (spec.src !== undefined && !host.isLocalAddr(spec.src)) return 'Invalid argument';
  const scope: AddrScope = spec.scope ?? (spec.via !== undefined ? 'global' : 'link');
  const r: Route = {
    table: spec.table,
    type: spec.type,
    dst: spec.dst,
    prefix: spec.prefix,
    dev,
    scope,
    proto: spec.proto,
    metric: spec.metric,
  };
  if (spec.via !== undefined) r.via = spec.via;
  if (spec.src !== undefined) r.src = spec.src;
  const dup = host.routes
    .list(spec.table)
    .some((x) => x.dst === r.dst && x.prefix === r.prefix && x.metric === r.metric);
  if (dup) return 'File exists';
  host.routes.add(r);
  host.sim.emit({
    kind: 'route.add',
    host: host.name,
    table: r.table,
    dst: `${r.dst}/${r.prefix}`,
    via: r.via ?? null,
    dev,
  });
  return undefined;
}

export interface RouteSelector {
  table: RouteTableId;
  dst: string;
  prefix: number;
  via?: string;
  dev?: string;
  metric?: number;
}

/** fib_table_delete: the first route matching every given field is removed. */
export function delRoute(host: Host, sel: RouteSelector): Route | undefined {
  const r = sortedRoutes(host, sel.table).find(
    (x) =>
      x.dst === sel.dst &&
      x.prefix === sel.prefix &&
      (sel.via === undefined || x.via === sel.via) &&
      (sel.dev === undefined || x.dev === sel.dev) &&
      (sel.metric === undefined || x.metric === sel.metric),
  );
  if (!r) return undefined;
  host.routes.remove((x) => x === r);
  host.sim.emit({
    kind: 'route.del',
    host: host.name,
    table: r.table,
    dst: `${r.dst}/${r.prefix}`,
    dev: r.dev,
  });
  return r;
}

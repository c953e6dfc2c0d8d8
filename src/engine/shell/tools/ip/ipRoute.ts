/** `ip route`: show, add, del, flush, get (iproute2 4.11 iproute.c). */
import { routeOutput } from '../../../stack/ipOutput';
import type { Route, RouteTableId, RouteType } from '../../../stack/routeTable';
import { addRoute, delRoute, sortedRoutes } from '../common/routes';
import type { RouteSpec } from '../common/routes';
import { ToolExit } from '../common/toolExit';
import { Args, device, duparg, getAddr, getPrefix, invarg, matches, parseScope, rtnl } from './ipCommon';
import type { IpCtx } from './ipCommon';
import { parseTableId } from './tableId';

const ROUTE_USAGE = `Usage: ip route { list | flush } SELECTOR
       ip route save SELECTOR
       ip route restore
       ip route showdump
       ip route get ADDRESS [ from ADDRESS iif STRING ]
                            [ oif STRING ] [ tos TOS ]
                            [ mark NUMBER ] [ vrf NAME ]
       ip route { add | del | change | append | replace } ROUTE
SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]
            [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ]
            [ type TYPE ] [ scope SCOPE ]
ROUTE := NODE_SPEC [ INFO_SPEC ]
NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]
             [ table TABLE_ID ] [ proto RTPROTO ]
             [ scope SCOPE ] [ metric METRIC ]
INFO_SPEC := NH OPTIONS FLAGS [ nexthop NH ]...
NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]
	    [ dev STRING ] [ weight NUMBER ] NHFLAGS
TYPE := { unicast | local | broadcast | multicast | throw |
          unreachable | prohibit | blackhole | nat }
TABLE_ID := [ local | main | default | all | NUMBER ]
SCOPE := [ host | link | global | NUMBER ]
RTPROTO := [ kernel | boot | static | NUMBER ]
`;

function usage(): never {
  throw new ToolExit(255, ROUTE_USAGE);
}

const TYPES: readonly RouteType[] = ['unicast', 'local', 'broadcast', 'unreachable', 'blackhole', 'prohibit'];

export function ipRoute(c: IpCtx, argv: string[]): number {
  const cmd = argv[0];
  const rest = argv.slice(1);
  if (cmd === undefined) return routeList(c, [], false);
  if (matches(cmd, 'add') || matches(cmd, 'append')) return routeModify(c, rest, 'add');
  if (matches(cmd, 'change') || cmd === 'chg' || matches(cmd, 'replace'))
    return routeModify(c, rest, 'replace');
  if (matches(cmd, 'delete')) return routeModify(c, rest, 'del');
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return routeList(c, rest, false);
  if (matches(cmd, 'get')) return routeGet(c, rest);
  if (matches(cmd, 'flush')) return routeList(c, rest, true);
  if (matches(cmd, 'help')) usage();
  throw new ToolExit(255, `Command "${cmd}" is unknown, try "ip route help".\n`);
}

/** One route as print_route writes it (every field followed by a space). */
export function routeLine(r: Route, showTable: boolean): string {
  let s = r.type !== 'unicast' ? `${r.type} ` : '';
  s += r.prefix === 0 ? 'default ' : r.prefix === 32 ? `${r.dst} ` : `${r.dst}/${r.prefix} `;
  if (r.via !== undefined) s += `via ${r.via} `;
  s += `dev ${r.dev} `;
  if (showTable && r.table !== 'main') s += `table ${r.table} `;
  if (r.proto !== 'boot') s += `proto ${r.proto} `;
  if (r.scope !== 'global') s += `scope ${r.scope} `;
  if (r.src !== undefined) s += `src ${r.src} `;
  if (r.metric) s += `metric ${r.metric} `;
  return s;
}

function parseTable(v: string): RouteTableId | 'all' {
  if (v === 'all' || v === '0') return 'all';
  return parseTableId(v);
}

interface ModArgs {
  spec: Partial<RouteSpec> & { table: RouteTableId; type: RouteType; proto: Route['proto'] };
  dstGiven: boolean;
  metricGiven: boolean;
}

function parseRouteArgs(c: IpCtx, argv: string[]): ModArgs {
  const a = new Args(argv);
  const m: ModArgs = {
    spec: { table: 'main', type: 'unicast', proto: 'boot', metric: 0 },
    dstGiven: false,
    metricGiven: false,
  };
  const s = m.spec;
  while (!a.done) {
    const w = a.take();
    if (w === 'src') s.src = getAddr(a.next(), c.opts);
    else if (w === 'via') s.via = getAddr(a.next(), c.opts);
    else if (w === 'dev' || w === 'oif') s.dev = a.next();
    else if (matches(w, 'metric') || matches(w, 'priority') || w === 'preference') {
      const v = a.next();
      s.metric = /^\d+$/.test(v) ? Number(v) : invarg('"metric" value is invalid\n', v);
      m.metricGiven = true;
    } else if (w === 'scope') {
      const v = a.next();
      s.scope = parseScope(v) ?? invarg('invalid "scope" value\n', v);
    } else if (matches(w, 'protocol')) {
      const v = a.next();
      if (v === 'kernel' || v === 'boot' || v === 'static') s.proto = v;
      else invarg('"protocol" value is invalid\n', v);
    } else if (matches(w, 'table')) {
      const t = parseTable(a.next());
      s.table = t === 'all' ? 'main' : t;
    } else if (w === 'onlink') continue;
    else {
      let v = w;
      if (w === 'to') v = a.next();
      else if ((TYPES as readonly string[]).includes(w)) {
        s.type = w as RouteType;
        v = a.next();
      }
      if (matches(v, 'help')) usage();
      if (m.dstGiven) duparg('to', v);
      const p = getPrefix(v, c.opts);
      s.dst = p.addr;
      s.prefix = p.len;
      m.dstGiven = true;
    }
  }
  return m;
}

function routeModify(c: IpCtx, argv: string[], op: 'add' | 'replace' | 'del'): number {
  const { spec, metricGiven } = parseRouteArgs(c, argv);
  // Without a prefix the request carries rtm_dst_len 0: the default route.
  spec.dst ??= '0.0.0.0';
  spec.prefix ??= 0;
  if (spec.dev !== undefined) device(c.host, spec.dev);
  if (op === 'del') {
    const gone = delRoute(c.host, {
      table: spec.table,
      dst: spec.dst,
      prefix: spec.prefix,
      ...(spec.via !== undefined ? { via: spec.via } : {}),
      ...(spec.dev !== undefined ? { dev: spec.dev } : {}),
      ...(metricGiven ? { metric: spec.metric ?? 0 } : {}),
    });
    if (!gone) rtnl('No such process');
    return 0;
  }
  const full: RouteSpec = { ...spec, dst: spec.dst, prefix: spec.prefix, metric: spec.metric ?? 0 };
  if (full.type === 'local') full.scope ??= 'host';
  // replace: the old route goes only if the new one is accepted (the kernel swaps atomically).
  const old =
    op === 'replace'
      ? delRoute(c.host, { table: full.table, dst: full.dst, prefix: full.prefix, metric: full.metric })
      : undefined;
  const err = addRoute(c.host, full);
  if (err !== undefined) {
    if (old) c.host.routes.add(old);
    rtnl(err);
  }
  return 0;
}

function routeList(c: IpCtx, argv: string[], flush: boolean): number {
  if (flush && argv.length === 0) throw new ToolExit(1, '"ip route flush" requires arguments.\n');
  const a = new Args(argv);
  let table: RouteTableId | 'all' = 'main';
  const keep: ((r: Route) => boolean)[] = [];
  while (!a.done) {
    const w = a.take();
    if (matches(w, 'table')) table = parseTable(a.next());
    else if (w === 'cache') return 0;
    else if (w === 'dev' || w === 'oif') {
      const d = a.next();
      device(c.host, d);
      keep.push((r) => r.dev === d);
    } else if (w === 'via') {
      const v = getAddr(a.next(), c.opts);
      keep.push((r) => r.via === v);
    } else if (w === 'src') {
      const v = getAddr(a.next(), c.opts);
      keep.push((r) => r.src === v);
    } else if (matches(w, 'protocol')) {
      const v = a.next();
      keep.push((r) => r.proto === v);
    } else if (w === 'scope') {
      const v = a.next();
      const sc = parseScope(v) ?? invarg('invalid "scope" value\n', v);
      keep.push((r) => r.scope === sc);
    } else if (w === 'type') {
      const v = a.next();
      keep.push((r) => r.type === v);
    } else {
      const v = w === 'to' || w === 'root' || w === 'match' || w === 'exact' ? a.next() : w;
      if (matches(v, 'help')) usage();
      const p = getPrefix(v, c.opts);
      keep.push((r) => r.dst === p.addr && r.prefix === p.len);
    }
  }
  const others = [...new Set(c.host.routes.routes.map((r) => r.table))].filter(
    (t) => t !== 'main' && t !== 'local',
  );
  const tables: RouteTableId[] = table === 'all' ? [...others, 'main', 'local'] : [table];
  const routes = tables.flatMap((t) => sortedRoutes(c.host, t)).filter((r) => keep.every((k) => k(r)));
  if (flush) {
    for (const r of routes) c.host.routes.remove((x) => x === r);
    return 0;
  }
  c.out(routes.map((r) => routeLine(r, table === 'all') + '\n').join(''));
  return 0;
}

function routeGet(c: IpCtx, argv: string[]): number {
  const a = new Args(argv);
  let dst: string | undefined;
  let src: string | undefined;
  let oif: string | undefined;
  while (!a.done) {
    const w = a.take();
    if (w === 'from') src = getAddr(a.next(), c.opts);
    else if (w === 'oif' || w === 'dev') oif = device(c.host, a.next()).name;
    else if (w === 'iif' || w === 'tos' || w === 'mark') a.next();
    else {
      const v = w === 'to' ? a.next() : w;
      if (matches(v, 'help')) usage();
      if (dst !== undefined) duparg('to', v);
      dst = getAddr(v, c.opts);
    }
  }
  if (dst === undefined) throw new ToolExit(1, 'need at least a destination address\n');
  const rt = routeOutput(c.host, dst, src, oif);
  if (!rt.ok) rtnl(rt.reason === 'no-source' ? 'Invalid argument' : 'Network is unreachable');
  if (rt.res.type === 'broadcast') {
    c.out(`broadcast ${dst} dev ${rt.dev} src ${rt.src} \n    cache <local,brd> \n`);
    return 0;
  }
  if (rt.local) {
    c.out(`local ${dst} dev lo src ${rt.src} \n    cache <local> \n`);
    return 0;
  }
  const via = rt.res.gw !== undefined ? `via ${rt.res.gw} ` : '';
  c.out(`${dst} ${via}dev ${rt.dev} src ${rt.src} \n    cache \n`);
  return 0;
}

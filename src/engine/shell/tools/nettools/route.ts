/** route (net-tools 2.0): the /proc/net/route table and SIOCADDRT / SIOCDELRT. */
import type { Host } from '../../../stack/host';
import type { Network } from '../../../stack/network';
import type { Route } from '../../../stack/routeTable';
import { simple } from '../../types';
import type { CommandImpl } from '../../types';
import { getopt } from '../common/getopt';
import { inetAton, ipU32, maskPrefix, prefixMaskText, prefixU32 } from '../common/inet';
import { addRoute, delRoute, sortedRoutes } from '../common/routes';
import { left } from '../common/text';
import { guarded, ToolExit } from '../common/toolExit';

const USAGE = `Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables
       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.

       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.
       route {-V|--version}                  Display version/author and exit.

        -v, --verbose            be verbose
        -n, --numeric            don't resolve names
        -e, --extend             display other/more information
        -F, --fib                display Forwarding Information Base (default)
        -C, --cache              display routing cache instead of FIB

  <AF>=Use -4, -6, '-A <af>' or '--<af>'; default: inet
  List of possible address families (which support routing):
    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) ipx (Novell IPX) ddp (Appletalk DDP) 
    x25 (CCITT X.25) 
`;

const INET_USAGE = `Usage: inet_route [-vF] del {-host|-net} Target[/prefix] [gw Gw] [metric M] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [gw Gw] [metric M]
                              [netmask N] [mss Mss] [window W] [irtt I]
                              [mod] [dyn] [reinstate] [[dev] If]
       inet_route [-vF] add {-host|-net} Target[/prefix] [metric M] reject
       inet_route [-FC] flush      NOT supported
`;

function flags(r: Route): string {
  let f = 'U';
  if (r.via !== undefined) f += 'G';
  if (r.type === 'unreachable' || r.type === 'prohibit' || r.type === 'blackhole') f = '!';
  if (r.prefix === 32) f += 'H';
  return f;
}

/** The default gateway's name, as nss-myhostname gives it to non-numeric lookups. */
function gwName(host: Host, gw: string | undefined, numeric: boolean): string {
  if (gw === undefined) return '0.0.0.0';
  if (!numeric && host.routes.list('main').some((r) => r.prefix === 0 && r.via === gw)) return 'gateway';
  return gw;
}

function table(host: Host, numeric: boolean): string {
  const lines = [
    'Kernel IP routing table',
    'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface',
  ];
  for (const r of sortedRoutes(host, 'main')) {
    const dst = !numeric && r.prefix === 0 ? 'default' : r.dst;
    const mask = prefixMaskText(r.prefix);
    if (flags(r).startsWith('!')) {
      lines.push(
        `${left(dst, 15)} -               ${left(mask, 15)} ${left(flags(r), 5)} ${left(String(r.metric), 6)} -  ${'0'.padStart(7)} -`,
      );
      continue;
    }
    const gw = gwName(host, r.via, numeric);
    lines.push(
      `${left(dst, 15)} ${left(gw, 15)} ${left(mask, 15)} ${left(flags(r), 5)} ${left(String(r.metric), 6)} ${left('0', 2)} ${'0'.padStart(7)} ${r.dev}`,
    );
  }
  return lines.join('\n') + '\n';
}

interface Edit {
  target: string;
  isNet: boolean;
  prefix: number | undefined;
  gw?: string;
  metric: number;
  dev?: string;
}

function resolveTarget(text: string): { ip: string; isNet: boolean } {
  if (text === 'default') return { ip: '0.0.0.0', isNet: true };
  const ip = inetAton(text);
  if (ip === undefined) throw new ToolExit(1, `${text}: Unknown host\n`);
  return { ip, isNet: false };
}

function parseEdit(args: string[]): Edit {
  let xflag = 0;
  if (args[0] === '-net' || args[0] === '-host') xflag = args.shift() === '-net' ? 1 : 2;
  const rawTarget = args.shift();
  if (rawTarget === undefined) throw new ToolExit(4, INET_USAGE);
  const slash = rawTarget.indexOf('/');
  let prefix: number | undefined;
  if (slash >= 0) {
    const p = rawTarget.slice(slash + 1);
    if (!/^\d+$/.test(p) || Number(p) > 32) throw new ToolExit(4, INET_USAGE);
    prefix = Number(p);
  }
  const t = resolveTarget(slash < 0 ? rawTarget : rawTarget.slice(0, slash));
  const e: Edit = { target: t.ip, isNet: xflag === 1 || (xflag === 0 && t.isNet), prefix, metric: 0 };
  while (args.length > 0) {
    const w = args.shift() ?? '';
    const v = (): string => args.shift() ?? fail4();
    if (w === 'metric') {
      const m = v();
      if (!/^\d/.test(m)) fail4();
      e.metric = parseInt(m, 10);
    } else if (w === 'netmask') {
      if (e.prefix !== undefined) fail4();
      const m = v();
      const ip = inetAton(m) ?? failLookup(m);
      const len = maskPrefix(ip);
      if (len === undefined) throw new ToolExit(4, `route: bogus netmask ${m}\n${USAGE}`);
      e.prefix = len;
    } else if (w === 'gw' || w === 'gateway') {
      if (e.gw !== undefined) fail4();
      const g = v();
      e.gw = inetAton(g) ?? failLookup(g);
    } else if (w === 'dev' || w === 'device') {
      if (e.dev !== undefined) fail4();
      e.dev = v();
    } else if (['mss', 'mtu', 'window', 'irtt'].includes(w)) v();
    else if (['mod', 'dyn', 'reinstate'].includes(w)) continue;
    else if (w === 'reject') throw new ToolExit(1, 'route: reject routes are not simulated in this lab\n');
    else {
      if (e.dev !== undefined || args.length > 0) fail4();
      e.dev = w;
    }
  }
  return e;
}

function fail4(): never {
  throw new ToolExit(4, INET_USAGE);
}

function failLookup(text: string): never {
  throw new ToolExit(6, `${text}: Unknown host\n`);
}

function edit(host: Host, add: boolean, args: string[]): number {
  const e = parseEdit(args);
  const prefix = e.isNet ? (e.prefix ?? 0) : 32;
  if (!e.isNet && e.prefix !== undefined && e.prefix !== 32)
    throw new ToolExit(
      4,
      `route: netmask ${(~prefixU32(e.prefix) >>> 0).toString(16).padStart(8, '0')} doesn't make sense with host route\n${USAGE}`,
    );
  const stray = (ipU32(e.target) & ~prefixU32(prefix)) >>> 0 !== 0;
  // With a netmask route checks it; without one the kernel's bad_mask refuses the request.
  if (stray && prefix > 0) throw new ToolExit(4, `route: netmask doesn't match route address\n${USAGE}`);
  if (stray) throw new ToolExit(7, `SIOC${add ? 'ADD' : 'DEL'}RT: Invalid argument\n`);
  if (e.dev !== undefined && !host.devices.has(e.dev))
    throw new ToolExit(7, `SIOC${add ? 'ADD' : 'DEL'}RT: No such device\n`);
  if (!add) {
    const gone = delRoute(host, {
      table: 'main',
      dst: e.target,
      prefix,
      ...(e.gw !== undefined ? { via: e.gw } : {}),
      ...(e.dev !== undefined ? { dev: e.dev } : {}),
    });
    if (!gone) throw new ToolExit(7, 'SIOCDELRT: No such process\n');
    return 0;
  }
  const err = addRoute(host, {
    table: 'main',
    type: 'unicast',
    dst: e.target,
    prefix,
    metric: e.metric,
    proto: 'boot',
    ...(e.gw !== undefined ? { via: e.gw } : {}),
    ...(e.dev !== undefined ? { dev: e.dev } : {}),
  });
  if (err !== undefined) throw new ToolExit(7, `SIOCADDRT: ${err}\n`);
  return 0;
}

export function routeCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) =>
    guarded(ctx, () => {
      // getopt would take -net/-host as options: route renames them first, as the C does.
      const argv = ctx.argv.slice(1).map((a) => (a === '-net' ? '#net' : a === '-host' ? '#host' : a));
      const r = getopt('route', argv, {
        short: 'A:eCFhnN64Vv?',
        long: [
          { name: 'extend', arg: 'none', key: 'e' },
          { name: 'verbose', arg: 'none', key: 'v' },
          { name: 'version', arg: 'none', key: 'V' },
          { name: 'numeric', arg: 'none', key: 'n' },
          { name: 'symbolic', arg: 'none', key: 'N' },
          { name: 'protocol', arg: 'required', key: 'A' },
          { name: 'cache', arg: 'none', key: 'C' },
          { name: 'fib', arg: 'none', key: 'F' },
          { name: 'help', arg: 'none', key: 'h' },
          { name: 'inet', arg: 'none', key: '4' },
        ],
      });
      if (!r.ok) throw new ToolExit(4, `${r.error}\n${USAGE}`);
      const keys = new Set(r.opts.map((o) => o.key));
      if (keys.has('V')) throw new ToolExit(5, 'net-tools 2.10-alpha\n');
      if (keys.has('h') || keys.has('?')) throw new ToolExit(4, USAGE);
      const a = r.args.map((x) => (x === '#net' ? '-net' : x === '#host' ? '-host' : x));
      const af = r.opts.find((o) => o.key === 'A')?.value;
      if (af !== undefined && af !== 'inet')
        throw new ToolExit(1, `route: only the inet address family is simulated in this lab\n`);
      if (keys.has('C'))
        throw new ToolExit(
          0,
          '',
          'Kernel IP routing cache\nSource          Destination     Gateway         Flags Metric Ref    Use Iface\n',
        );
      const cmd = a.shift();
      if (cmd === undefined) {
        ctx.out(table(host, keys.has('n')));
        return 0;
      }
      if (cmd === 'add') return edit(host, true, a);
      if (cmd === 'del' || cmd === 'delete') return edit(host, false, a);
      if (cmd === 'flush')
        throw new ToolExit(4, `Flushing \`inet' routing table not supported\n${INET_USAGE}`);
      throw new ToolExit(4, USAGE);
    }),
  );
}

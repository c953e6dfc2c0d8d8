/** `ip` (iproute2 4.11, CentOS 7.6): global options, then the object (address, link, route ...). */
import type { Host } from '../../../stack/host';
import type { Network } from '../../../stack/network';
import { simple } from '../../types';
import type { CommandImpl } from '../../types';
import { guarded, ToolExit } from '../common/toolExit';
import { ipAddress } from './ipAddr';
import { matches } from './ipCommon';
import type { IpCtx, IpOpts } from './ipCommon';
import { ipLink } from './ipLink';
import { ipNeigh } from './ipNeigh';
import { ipRoute } from './ipRoute';
import { ipRule } from './ipRule';
import { tunnelShow } from './ipTunnel';

const IP_USAGE = `Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
       ip [ -force ] -batch filename
where  OBJECT := { link | address | addrlabel | route | rule | neigh | ntable |
                   tunnel | tuntap | maddress | mroute | mrule | monitor | xfrm |
                   netns | l2tp | fou | macsec | tcp_metrics | token | netconf | ila |
                   vrf }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                    -h[uman-readable] | -iec |
                    -f[amily] { inet | inet6 | ipx | dnet | mpls | bridge | link } |
                    -4 | -6 | -I | -D | -B | -0 |
                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                    -rc[vbuf] [size] | -n[etns] name | -a[ll] | -c[olor]}
`;

function usage(): never {
  throw new ToolExit(255, IP_USAGE);
}

/** Global options; returns the remaining words. */
function parseOptions(argv: string[], opts: IpOpts, out: (s: string) => void): string[] | number {
  let i = 0;
  for (; i < argv.length; i++) {
    let opt = argv[i] ?? '';
    if (opt === '--') return argv.slice(i + 1);
    if (!opt.startsWith('-')) break;
    if (opt.startsWith('--')) opt = opt.slice(1);
    if (opt === '-4') opts.family = 4;
    else if (opt === '-6') opts.family = 6;
    else if (opt === '-0') opts.family = -1;
    else if (matches(opt, '-family')) {
      const f = argv[++i];
      if (f === undefined) usage();
      if (f === 'inet') opts.family = 4;
      else if (f === 'inet6') opts.family = 6;
      else if (f === 'link') opts.family = -1;
      else throw new ToolExit(255, `Error: argument "${f}" is wrong: invalid protocol family\n`);
    } else if (matches(opt, '-human') || matches(opt, '-human-readable') || matches(opt, '-iec')) continue;
    else if (matches(opt, '-stats') || matches(opt, '-statistics')) opts.stats = true;
    else if (matches(opt, '-details')) opts.details = true;
    else if (matches(opt, '-resolve') || matches(opt, '-color') || matches(opt, '-all')) continue;
    else if (matches(opt, '-oneline')) opts.oneline = true;
    else if (matches(opt, '-Version')) {
      out('ip utility, iproute2-ss170501\n');
      return 0;
    } else if (matches(opt, '-help')) usage();
    else if (opt.length >= 3 && matches(opt, '-brief')) opts.brief = true;
    else throw new ToolExit(255, `Option "${opt}" is unknown, try "ip -help".\n`);
  }
  return argv.slice(i);
}

function dispatch(c: IpCtx, words: string[]): number {
  const obj = words[0];
  const rest = words.slice(1);
  if (obj === undefined) usage();
  if (matches(obj, 'address')) return ipAddress(c, rest);
  if (matches(obj, 'route')) return ipRoute(c, rest);
  if (matches(obj, 'rule')) return ipRule(c, rest);
  if (matches(obj, 'neighbor') || matches(obj, 'neighbour')) return ipNeigh(c, rest);
  if (matches(obj, 'link')) return ipLink(c, rest);
  if (matches(obj, 'tunnel') || matches(obj, 'tunl')) {
    if (rest.length > 0 && !matches(rest[0] ?? '', 'show') && !matches(rest[0] ?? '', 'list'))
      throw new ToolExit(1, 'ip: use "ip link add NAME type ipip" to make tunnels in this lab\n');
    c.out(
      tunnelShow(c.host)
        .map((l) => l + '\n')
        .join(''),
    );
    return 0;
  }
  if (matches(obj, 'help')) usage();
  const known = [
    'addrlabel',
    'maddress',
    'ntable',
    'ntbl',
    'l2tp',
    'fou',
    'macsec',
    'tuntap',
    'tap',
    'token',
    'tcpmetrics',
    'tcp_metrics',
    'monitor',
    'xfrm',
    'mroute',
    'mrule',
    'netns',
    'netconf',
    'vrf',
  ];
  if (known.some((k) => matches(obj, k)))
    throw new ToolExit(1, `ip: "${obj}" is not simulated in this lab\n`);
  throw new ToolExit(1, `Object "${obj}" is unknown, try "ip help".\n`);
}

export function ipCommand(host: Host, net: Network): CommandImpl {
  return simple((ctx) =>
    guarded(ctx, () => {
      const opts: IpOpts = { family: 0, oneline: false, brief: false, details: false, stats: false };
      const words = parseOptions(ctx.argv.slice(1), opts, ctx.out);
      if (typeof words === 'number') return words;
      return dispatch({ host, net, opts, out: ctx.out, err: ctx.err }, words);
    }),
  );
}

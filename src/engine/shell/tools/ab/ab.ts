/**
 * ab (ApacheBench 2.3, httpd-tools on CentOS 7) over the simulated TCP stack: real concurrent
 * connections (apps/ab.ts), progress lines for long runs, and the report of output_results()
 * computed on the virtual clock.
 */
import { SEC } from '../../../core/sim';
import { startAb } from '../../../apps/ab';
import type { AbConfig } from '../../../apps/ab';
import type { Host } from '../../../stack/host';
import type { Network } from '../../../stack/network';
import type { SockError } from '../../../stack/tcpTypes';
import type { CommandContext, CommandImpl, Wait } from '../../types';
import { ToolExit } from '../common/toolExit';
import { resolveHost } from '../curl/curlUrl';
import { AB_BANNER, AB_USAGE, parseAbArgs } from './abArgs';
import type { AbOpts } from './abArgs';
import { abReport } from './abReport';

const ERRNO: Readonly<Record<SockError, [number, string]>> = {
  ECONNREFUSED: [111, 'Connection refused'],
  ETIMEDOUT: [110, 'Connection timed out'],
  EHOSTUNREACH: [113, 'No route to host'],
  ENETUNREACH: [101, 'Network is unreachable'],
  ECONNRESET: [104, 'Connection reset by peer'],
  ENOPROTOOPT: [92, 'Protocol not available'],
  EADDRNOTAVAIL: [99, 'Cannot assign requested address'],
  EADDRINUSE: [98, 'Address already in use'],
};

/** parse_url: [http://]host[:port]/path — the path is required. */
function parseUrl(url: string): { host: string; port: number; path: string } {
  if (/^https:\/\//i.test(url)) throw new ToolExit(1, 'ab: https is not simulated in this lab\n');
  const rest = url.replace(/^http:\/\//i, '');
  const slash = rest.indexOf('/');
  if (slash <= 0) throw new ToolExit(22, `ab: invalid URL\n${AB_USAGE('ab')}`);
  const hostport = rest.slice(0, slash);
  const m = /^([^:]+)(?::(\d*))?$/.exec(hostport);
  const port = m?.[2] ? Number(m[2]) : 80;
  if (!m || port < 1 || port > 65535) throw new ToolExit(22, `ab: invalid URL\n${AB_USAGE('ab')}`);
  return { host: m[1] ?? '', port, path: rest.slice(slash) };
}

function request(o: AbOpts, host: string, port: number, path: string): string {
  const name = (h: string): string => (h.split(':')[0] ?? '').trim().toLowerCase();
  const custom = new Set(o.headers.map(name));
  const own = [`Host: ${host}${port === 80 ? '' : `:${port}`}`, 'User-Agent: ApacheBench/2.3', 'Accept: */*'];
  const lines = [
    `${o.head ? 'HEAD' : 'GET'} ${path} HTTP/1.0`,
    ...(o.keepalive ? ['Connection: Keep-Alive'] : []),
    ...own.filter((h) => !custom.has(name(h))),
    ...o.headers,
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}

function* run(ctx: CommandContext, host: Host): Generator<Wait, number, void> {
  const o = parseAbArgs(ctx.argv.slice(1));
  const u = parseUrl(o.url);
  const etcHosts = () => ctx.fs.read('/etc/hosts');
  const ip = resolveHost(u.host, etcHosts);
  const heartbeat = !o.quiet && o.requests > 150 ? Math.max(100, Math.floor(o.requests / 10)) : 0;
  ctx.out(`${AB_BANNER}\nBenchmarking ${u.host} (be patient)${heartbeat ? '\n' : '...'}`);
  if (ip === undefined)
    throw new ToolExit(50, `apr_sockaddr_info_get() for ${u.host}: Name or service not known (670002)\n`);
  const laddr = o.bindAddr === undefined ? undefined : resolveHost(o.bindAddr, etcHosts);
  if (o.bindAddr !== undefined && laddr === undefined)
    throw new ToolExit(50, `apr_sockaddr_info_get() for ${o.bindAddr}: Name or service not known (670002)\n`);
  const cfg: AbConfig = {
    ip,
    port: u.port,
    request: request(o, u.host, u.port, u.path),
    requests: o.requests,
    concurrency: Math.max(1, o.concurrency),
    keepalive: o.keepalive,
    variableLength: o.variableLength,
    keepGoingOnRecvError: o.keepGoing,
    ...(o.timeLimitS !== undefined && o.timeLimitS > 0 ? { timeLimitUs: o.timeLimitS * SEC } : {}),
    ...(laddr !== undefined ? { bind: { laddr } } : {}),
  };
  const ab = startAb(host, cfg);
  const m = ab.metrics;
  let beat = heartbeat;
  try {
    while (!ab.done) {
      if (heartbeat) yield { kind: 'until', done: () => ab.done || m.done >= beat };
      else yield { kind: 'until', done: () => ab.done };
      while (heartbeat && m.done >= beat) {
        ctx.err(`Completed ${beat} requests\n`);
        beat += heartbeat;
      }
    }
  } finally {
    if (!ab.done) ab.stop();
  }
  if (m.fatal) {
    const [no, text] = ERRNO[m.fatal.err];
    const call =
      m.fatal.call === 'apr_socket_connect'
        ? '\nTest aborted after 10 failures\n\napr_socket_connect()'
        : m.fatal.call;
    throw new ToolExit(no, `${call}: ${text} (${no})\n`);
  }
  if (heartbeat) ctx.err(`Finished ${m.done} requests\n`);
  else ctx.out('..done\n');
  ctx.out(
    abReport(
      {
        host: u.host,
        port: u.port,
        path: u.path,
        concurrency: cfg.concurrency,
        keepalive: o.keepalive,
        variableLength: o.variableLength,
        percentiles: !o.noPercentiles,
        confidence: !o.noConfidence,
      },
      m,
    ),
  );
  return 0;
}

export function abCommand(host: Host, _net: Network): CommandImpl {
  return (ctx) => ab(ctx, host);
}

/** Module level, not a generator made per host: see curlCommand (curl.ts). */
function* ab(ctx: CommandContext, host: Host): Generator<Wait, number, void> {
  try {
    return yield* run(ctx, host);
  } catch (e) {
    if (!(e instanceof ToolExit)) throw e;
    if (e.stdout !== '') ctx.out(e.stdout);
    ctx.err(e.stderr);
    return e.status;
  }
}

/**
 * genhash (keepalived 1.3.5's companion): fetch a URL from a server and print the MD5 of its
 * body, the value HTTP_GET's `digest` wants. `genhash -s IP -p PORT -u PATH`.
 */
import { httpFetch } from '../../keepalived/check/probes';
import type { HttpFetch } from '../../keepalived/check/probes';
import { md5Hex } from '../../keepalived/md5';
import { SEC } from '../../core/sim';
import type { Host } from '../../stack/host';
import type { Network } from '../../stack/network';
import type { CommandContext, CommandImpl, Wait } from '../types';
import { guarded, ToolExit } from './common/toolExit';
import { isIpv4 } from '../../keepalived/config/vip';

const USAGE = `Usage: genhash COMMAND [OPTIONS]
Commands:
   --help         -h       Display this short inlined help screen.
   --release      -r       Display the release number.
Options:
   --use-ssl      -S       Use SSL connection to remote server.
   --server       -s       Use the specified remote server address.
   --port         -p       Use the specified remote server port.
   --url          -u       Use the specified remote server url.
   --use-virtualhost -V    Use the specified virtualhost in GET query.
   --verbose      -v       Use verbose mode output.
`;

function parse(argv: string[]): { server: string; port: number; url: string; vhost?: string } {
  let server: string | undefined;
  let port: number | undefined;
  let url: string | undefined;
  let vhost: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const val = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new ToolExit(1, USAGE);
      return v;
    };
    if (a === '-s' || a === '--server') server = val();
    else if (a === '-p' || a === '--port') port = Number(val());
    else if (a === '-u' || a === '--url') url = val();
    else if (a === '-V' || a === '--use-virtualhost') vhost = val();
    else if (a === '-v' || a === '--verbose' || a === '-S' || a === '--use-ssl') continue;
    else if (a === '-r' || a === '--release')
      throw new ToolExit(0, '', 'Keepalived v1.3.5 (03/19,2017), git commit v1.3.5-6-g6fa32f2\n');
    else throw new ToolExit(1, USAGE);
  }
  if (server === undefined || url === undefined) throw new ToolExit(1, USAGE);
  if (!isIpv4(server)) throw new ToolExit(1, `server should be an IP, not ${server}\n`);
  const r = { server, port: port !== undefined && Number.isInteger(port) && port > 0 ? port : 80, url };
  return vhost === undefined ? r : { ...r, vhost };
}

export function genhashCommand(host: Host, _net: Network): CommandImpl {
  return (ctx) => genhash(ctx, host);
}

/** Module level, not a generator made per host: see curlCommand (curl.ts). */
function* genhash(ctx: CommandContext, host: Host): Generator<Wait, number, void> {
  let o: ReturnType<typeof parse> | undefined;
  const rc = guarded(ctx, () => {
    o = parse(ctx.argv.slice(1));
    return 0;
  });
  if (!o) return rc;
  let result: HttpFetch | undefined;
  httpFetch(
    {
      host,
      ip: o.server,
      port: o.port,
      timeoutUs: 5 * SEC,
      path: o.url,
      hostHeader: o.vhost ?? (o.port === 80 ? o.server : `${o.server}:${o.port}`),
    },
    (r) => (result = r),
  );
  yield { kind: 'until', done: () => result !== undefined };
  const r = result!;
  if ('error' in r) {
    ctx.err(`${r.error.trim()} server [${o.server}]:${o.port}.\n`);
    return 1;
  }
  ctx.out(`MD5SUM = ${md5Hex(r.body)}\n`);
  return 0;
}

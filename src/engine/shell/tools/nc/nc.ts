/**
 * nc / ncat (nmap-ncat 7.50, CentOS 7): a TCP or UDP client, or a listener. Waits on the
 * virtual clock until it ends; Ctrl-C stops it. A plain `nc -l …` line ending in `&` in a
 * transcript keeps listening in the background (runtime/backgroundNc.ts).
 */
import { startNcatClient } from '../../../apps/ncat';
import type { NcatHandle, NcatIo } from '../../../apps/ncat';
import { startNcatListener } from '../../../apps/ncatListen';
import { isValidIpv4 } from '../../../packet/ipv4Address';
import type { Host } from '../../../stack/host';
import type { Network } from '../../../stack/network';
import type { CommandContext, CommandImpl, Wait } from '../../types';
import { resolveHost } from '../curl/curlUrl';
import { ToolExit } from '../common/toolExit';
import { parseNcArgs, quit } from './ncArgs';
import type { NcOpts } from './ncArgs';
import { untilDone } from '../../untilDone';

/** Start what the options ask for; throws ToolExit for what ncat refuses before running. */
export function startNc(
  host: Host,
  o: NcOpts,
  stdin: string,
  hostsFile: string | undefined,
  io: NcatIo,
): NcatHandle {
  const resolve = (name: string): string => {
    const ip = isValidIpv4(name) ? name : resolveHost(name, () => hostsFile);
    if (ip === undefined) quit(`Could not resolve hostname "${name}": Name or service not known.`);
    return ip;
  };
  if (o.source !== undefined && !host.isLocalAddr(resolve(o.source)))
    throw new ToolExit(
      1,
      `Ncat: bind to ${o.source}:${o.sourcePort ?? 0}: Cannot assign requested address. QUITTING.\n`,
    );
  if (o.listen) {
    const laddr = o.host !== undefined ? resolve(o.host) : '0.0.0.0';
    return startNcatListener(
      host,
      {
        udp: o.udp,
        laddr,
        port: o.port ?? 31337,
        keep: o.keep,
        echo: o.exec !== undefined,
        verbose: o.verbose,
      },
      io,
    );
  }
  return startNcatClient(
    host,
    {
      udp: o.udp,
      ip: resolve(o.host ?? ''),
      port: o.port ?? 31337,
      ...(o.source !== undefined ? { source: resolve(o.source) } : {}),
      ...(o.sourcePort !== undefined ? { sourcePort: o.sourcePort } : {}),
      stdin,
      verbose: o.verbose,
      ...(o.waitUs !== undefined ? { connectTimeoutUs: o.waitUs } : {}),
      ...(o.idleUs !== undefined ? { idleTimeoutUs: o.idleUs } : {}),
    },
    io,
  );
}

export function ncCommand(host: Host, _net: Network): CommandImpl {
  return (ctx) => nc(ctx, host);
}

/** Module level, not a generator made per host: see curlCommand (curl.ts). */
function* nc(ctx: CommandContext, host: Host): Generator<Wait, number, void> {
  let h: NcatHandle;
  try {
    const o = parseNcArgs(ctx.argv[0] ?? 'nc', ctx.argv.slice(1));
    h = startNc(host, o, ctx.stdin, ctx.fs.read('/etc/hosts'), {
      out: (s) => ctx.out(s),
      err: (s) => ctx.err(s),
    });
  } catch (e) {
    if (!(e instanceof ToolExit)) throw e;
    ctx.err(e.stderr);
    return e.status;
  }
  try {
    if (!h.done) yield untilDone(h);
  } finally {
    if (!h.done) h.interrupt();
  }
  return h.exit;
}

/**
 * The ipvsadm (1.31), ipvsadm-save and ipvsadm-restore commands of the lab shell. ipvsadm never
 * lets virtual time pass, so each is a `simple` command.
 */
import { ipvsOf } from '../../../ipvs/ipvs';
import type { Host } from '../../../stack/host';
import type { CommandContext, CommandImpl } from '../../types';
import { simple } from '../../types';
import { noFormat } from './entry';
import { IpvsadmExit } from './errors';
import { listEverything } from './listCommand';
import { inetPton4 } from './inet';
import type { LocalNames } from './netdb';
import { makeResolver } from './netdb';
import { processOptions } from './processOptions';
import type { RunCtx } from './runCtx';

/**
 * ipvsadm-restore is the two-line script `ipvsadm -R` in ipvsadm's sources; it does not clear
 * the table first (init scripts run `ipvsadm -C` themselves). Set true to clear before restoring.
 */
export const RESTORE_CLEARS_FIRST = false;

/** The host's own addresses as nss-myhostname lists them: no loopback, global scope first. */
function localNames(host: Host, hostname: string): LocalNames {
  const rank = (scope: string): number => (scope === 'global' ? 0 : 1);
  const addrs = host.addrs
    .filter((a) => a.scope !== 'host')
    .sort((a, b) => rank(a.scope) - rank(b.scope))
    .map((a) => inetPton4(a.ip))
    .filter((a): a is number => a !== undefined);
  return { hostname, addrs };
}

/** main(): load the module (ipvsadm's modprobe), list with no arguments, else process_options. */
export function runIpvsadm(host: Host, ctx: CommandContext, argv: readonly string[]): number {
  ipvsOf(host);
  const rc: RunCtx = {
    host,
    out: (s) => ctx.out(s),
    err: (s) => ctx.err(s),
    names: makeResolver((path) => ctx.fs.read(path), localNames(host, ctx.host.hostname)),
    stdin: ctx.stdin,
  };
  try {
    if (argv.length <= 1) {
      listEverything(rc, noFormat());
      return 0;
    }
    return processOptions(rc, [...argv], false) & 0xff;
  } catch (e) {
    if (!(e instanceof IpvsadmExit)) throw e;
    if (e.stdout) ctx.out(e.stdout);
    if (e.stderr) ctx.err(e.stderr);
    return e.status & 0xff;
  }
}

export function ipvsadmCommand(host: Host): CommandImpl {
  return simple((ctx) => runIpvsadm(host, ctx, ctx.argv));
}

/** The ipvsadm-save script: `ipvsadm -S` with the script's arguments (-n). */
export function ipvsadmSaveCommand(host: Host): CommandImpl {
  return simple((ctx) => runIpvsadm(host, ctx, ['ipvsadm', '-S', ...ctx.argv.slice(1)]));
}

/** The ipvsadm-restore script: `ipvsadm -R` (arguments ignored). */
export function ipvsadmRestoreCommand(host: Host): CommandImpl {
  return simple((ctx) => {
    if (RESTORE_CLEARS_FIRST) runIpvsadm(host, ctx, ['ipvsadm', '-C']);
    return runIpvsadm(host, ctx, ['ipvsadm', '-R']);
  });
}

/** hostname and uname as CentOS 7.6 prints them (kernel 3.10.0-957.el7.x86_64). */
import type { Host } from '../../stack/host';
import type { Network } from '../../stack/network';
import { simple } from '../types';
import type { CommandImpl } from '../types';

const KERNEL = '3.10.0-957.el7.x86_64';
const KVERSION = '#1 SMP Thu Nov 8 23:39:32 UTC 2018';

export function hostnameCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) => {
    const arg = ctx.argv[1];
    if (ctx.argv.length > 2) {
      ctx.err('hostname: the host name cannot be changed in this lab\n');
      return 1;
    }
    if (
      arg === undefined ||
      arg === '-f' ||
      arg === '--fqdn' ||
      arg === '--long' ||
      arg === '-s' ||
      arg === '--short'
    )
      ctx.out(`${host.name}\n`);
    else if (arg === '-I' || arg === '--all-ip-addresses') {
      // Every address except loopback ones, in device order, each followed by a space.
      const addrs = host.addrs.filter(
        (a) => host.devices.get(a.dev)?.kind !== 'loopback' && !a.ip.startsWith('127.'),
      );
      ctx.out(addrs.map((a) => `${a.ip} `).join('') + '\n');
    } else if (arg === '-i' || arg === '--ip-address') {
      ctx.err(`hostname: Name or service not known\n`);
      return 1;
    } else if (arg.startsWith('-')) {
      ctx.err(
        `hostname: invalid option -- '${arg.slice(1, 2)}'\nUsage: hostname [-b] {hostname|-F file}         set host name (from file)\n`,
      );
      return 1;
    } else {
      ctx.err('hostname: the host name cannot be changed in this lab\n');
      return 1;
    }
    return 0;
  });
}

export function unameCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) => {
    const fields: Record<string, string> = {
      s: 'Linux',
      n: host.name,
      r: KERNEL,
      v: KVERSION,
      m: 'x86_64',
      p: 'x86_64',
      i: 'x86_64',
      o: 'GNU/Linux',
    };
    const args = ctx.argv.slice(1);
    if (args.length === 0) {
      ctx.out('Linux\n');
      return 0;
    }
    const want = new Set<string>();
    for (const a of args) {
      if (a === '-a' || a === '--all') for (const k of 'snrvmpio') want.add(k);
      else if (/^-[snrvmpio]+$/.test(a)) for (const k of a.slice(1)) want.add(k);
      else {
        ctx.err(
          a.startsWith('-')
            ? `uname: invalid option -- '${a.replace(/^-+/, '').slice(0, 1)}'\nTry 'uname --help' for more information.\n`
            : `uname: extra operand '${a}'\nTry 'uname --help' for more information.\n`,
        );
        return 1;
      }
    }
    ctx.out(
      [...'snrvmpio']
        .filter((k) => want.has(k))
        .map((k) => fields[k] ?? '')
        .join(' ') + '\n',
    );
    return 0;
  });
}

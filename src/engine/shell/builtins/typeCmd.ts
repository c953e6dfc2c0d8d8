/** type, which, `command -v`: where a name would be found. */
import { shellError } from '../runtime';
import type { Builtin, Runtime } from '../runtime';

/* eslint-disable require-yield -- builtins share the generator signature */

const KEYWORDS: ReadonlySet<string> = new Set(
  'if then else elif fi case esac for select while until do done in function time { } ! [[ ]]'.split(' '),
);

/** Programs that CentOS 7 keeps in /usr/sbin; everything else is in /usr/bin. */
const SBIN: ReadonlySet<string> = new Set(
  'ipvsadm ipvsadm-save ipvsadm-restore ifconfig route sysctl ip arp arping tcpdump iptables ss ethtool modprobe lsmod nft httpd service'.split(
    ' ',
  ),
);

export function programPath(name: string): string {
  return (SBIN.has(name) ? '/usr/sbin/' : '/usr/bin/') + name;
}

type Kind = 'keyword' | 'function' | 'builtin' | 'file' | undefined;

function kindOf(rt: Runtime, name: string): Kind {
  if (KEYWORDS.has(name)) return 'keyword';
  if (rt.state.functions.has(name)) return 'function';
  if (rt.builtins.has(name)) return 'builtin';
  if (rt.host.commands.has(name) || rt.utilities.has(name)) return 'file';
  return undefined;
}

export const typeBuiltin: Builtin = function* (rt, argv, io) {
  let status = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const kind = kindOf(rt, name);
    if (kind === 'keyword') io.out(`${name} is a shell keyword\n`);
    else if (kind === 'function') io.out(`${name} is a function\n`);
    else if (kind === 'builtin') io.out(`${name} is a shell builtin\n`);
    else if (kind === 'file') io.out(`${name} is ${programPath(name)}\n`);
    else {
      shellError(rt, io, `type: ${name}: not found`);
      status = 1;
    }
  }
  return status;
};

export const whichBuiltin: Builtin = function* (rt, argv, io) {
  let status = 0;
  for (const name of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    if (rt.host.commands.has(name) || rt.utilities.has(name)) io.out(programPath(name) + '\n');
    else {
      const path = rt.state.vars.get('PATH')?.value ?? '';
      io.err(`/usr/bin/which: no ${name} in (${path})\n`);
      status = 1;
    }
  }
  return status;
};

/** `command -v NAME` / `command -V NAME`. (Running `command NAME` is not supported.) */
export const commandBuiltin: Builtin = function* (rt, argv, io) {
  const flag = argv[1];
  if (flag !== '-v' && flag !== '-V') {
    shellError(rt, io, 'command: only `command -v NAME` is supported in this lab');
    return 2;
  }
  let status = 0;
  for (const name of argv.slice(2)) {
    const kind = kindOf(rt, name);
    if (kind === undefined) {
      if (flag === '-V') shellError(rt, io, `command: ${name}: not found`);
      status = 1;
    } else if (flag === '-V') {
      io.out(kind === 'file' ? `${name} is ${programPath(name)}\n` : `${name} is a shell ${kind}\n`);
    } else io.out((kind === 'file' ? programPath(name) : name) + '\n');
  }
  return status;
};

/**
 * What every `ip` object shares: the global options, iproute2's prefix matching of keywords
 * and its error exits (invarg/duparg exit 255, RTNETLINK errors exit 2, -1 returns exit 1).
 */
import type { Host } from '../../../stack/host';
import type { Network } from '../../../stack/network';
import type { Netdev } from '../../../stack/netdev';
import { parseIprouteAddr, parseIproutePrefix } from '../common/inet';
import { ToolExit } from '../common/toolExit';

export interface IpOpts {
  /** 0 = any, 4 = inet, 6 = inet6, -1 = link (-0). */
  family: 0 | 4 | 6 | -1;
  oneline: boolean;
  brief: boolean;
  details: boolean;
  stats: boolean;
}

export interface IpCtx {
  host: Host;
  net: Network;
  opts: IpOpts;
  out(s: string): void;
  err(s: string): void;
}

/** iproute2 matches(): `arg` is a prefix of `word` (so "a" is "address"). */
export function matches(arg: string, word: string): boolean {
  return arg.length <= word.length && word.startsWith(arg);
}

/** An argument cursor with iproute2's NEXT_ARG(). */
export class Args {
  private i = 0;
  constructor(private readonly argv: readonly string[]) {}
  get done(): boolean {
    return this.i >= this.argv.length;
  }
  peek(): string | undefined {
    return this.argv[this.i];
  }
  take(): string {
    return this.argv[this.i++] ?? '';
  }
  /** NEXT_ARG(): the value after a keyword, or the "Command line is not complete" exit. */
  next(): string {
    if (this.i >= this.argv.length)
      throw new ToolExit(255, 'Command line is not complete. Try option "help"\n');
    return this.argv[this.i++] ?? '';
  }
  rest(): string[] {
    return this.argv.slice(this.i);
  }
}

export function invarg(msg: string, arg: string): never {
  throw new ToolExit(255, `Error: argument "${arg}" is wrong: ${msg}\n`);
}

export function duparg(key: string, arg: string): never {
  throw new ToolExit(255, `Error: either "${key}" is duplicate, or "${arg}" is a garbage.\n`);
}

export function rtnl(msg: string): never {
  throw new ToolExit(2, `RTNETLINK answers: ${msg}\n`);
}

export function noDevice(name: string): never {
  throw new ToolExit(1, `Cannot find device "${name}"\n`);
}

function familyName(f: IpOpts['family']): string {
  return f === 4 ? 'inet' : f === 6 ? 'inet6' : f === -1 ? 'link' : '???';
}

/** get_prefix: an inet prefix, or iproute2's exit-1 complaint naming the family. */
export function getPrefix(text: string, opts: IpOpts): { addr: string; len: number; lenGiven: boolean } {
  const p = opts.family === 6 || opts.family === -1 ? undefined : parseIproutePrefix(text);
  if (!p)
    throw new ToolExit(1, `Error: ${familyName(opts.family)} prefix is expected rather than "${text}".\n`);
  return p;
}

/** get_addr: an inet address, or the exit-1 complaint. */
export function getAddr(text: string, opts: IpOpts): string {
  const a = opts.family === 6 || opts.family === -1 ? undefined : parseIprouteAddr(text);
  if (a === undefined)
    throw new ToolExit(1, `Error: ${familyName(opts.family)} address is expected rather than "${text}".\n`);
  return a;
}

export function device(host: Host, name: string): Netdev {
  return host.devices.get(name) ?? noDevice(name);
}

/** Devices in ifindex order, as a netlink dump returns them. */
export function devicesByIndex(host: Host): Netdev[] {
  return [...host.devices.values()].sort((a, b) => a.index - b.index);
}

/** rtnl_rtscope_a2n: host, link, global (universe) or a number. */
export function parseScope(text: string): 'global' | 'link' | 'host' | undefined {
  if (text === 'host' || text === '254') return 'host';
  if (text === 'link' || text === '253') return 'link';
  if (text === 'global' || text === 'universe' || text === '0') return 'global';
  return undefined;
}

/** `ip address`: add, del, show, flush (iproute2 4.11 ipaddress.c). */
import { broadcastOf } from '../../../stack/addrMath';
import type { AddrScope } from '../../../stack/netdev';
import { setShownBroadcast } from '../common/addrBroadcast';
import { ToolExit } from '../common/toolExit';
import { addrShow } from './ipShow';
import type { AddrFilter } from './ipShow';
import {
  Args,
  device,
  devicesByIndex,
  duparg,
  getAddr,
  getPrefix,
  invarg,
  matches,
  parseScope,
  rtnl,
} from './ipCommon';
import type { IpCtx } from './ipCommon';

/** An address was added (ip addr add, ifconfig, lab setup); `label` is the alias name such as eth0:0. */
export interface AddrAddEvent {
  kind: 'addr.add';
  host: string;
  dev: string;
  label: string;
  /** `ip/prefix`. */
  addr: string;
  scope?: string;
  by?: 'ifconfig';
}

/** An address was removed. */
export interface AddrDelEvent {
  kind: 'addr.del';
  host: string;
  dev: string;
  addr: string;
}

const ADDR_USAGE = `Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]
                                                      [ CONFFLAG-LIST ]
       ip address del IFADDR dev IFNAME [mngtmpaddr]
       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]
                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]
       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]
                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]
                         [ label LABEL ] [up] [ vrf NAME ] ]
       ip address {showdump|restore}
IFADDR := PREFIX | ADDR peer PREFIX
          [ broadcast ADDR ] [ anycast ADDR ]
          [ label IFNAME ] [ scope SCOPE-ID ]
SCOPE-ID := [ host | link | global | NUMBER ]
FLAG-LIST := [ FLAG-LIST ] FLAG
FLAG  := [ permanent | dynamic | secondary | primary |
           [-]tentative | [-]deprecated | [-]dadfailed | temporary |
           CONFFLAG-LIST ]
CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG
CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]
LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]
LFT := forever | SECONDS
`;

function usage(): never {
  throw new ToolExit(255, ADDR_USAGE);
}

export function ipAddress(c: IpCtx, argv: string[]): number {
  const cmd = argv[0];
  const rest = argv.slice(1);
  if (cmd === undefined) return addrList(c, [], false);
  if (matches(cmd, 'add')) return addrModify(c, rest, 'add');
  if (matches(cmd, 'change') || cmd === 'chg' || matches(cmd, 'replace'))
    return addrModify(c, rest, 'replace');
  if (matches(cmd, 'delete')) return addrModify(c, rest, 'del');
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return addrList(c, rest, false);
  if (matches(cmd, 'flush')) return addrList(c, rest, true);
  if (matches(cmd, 'help')) usage();
  throw new ToolExit(255, `Command "${cmd}" is unknown, try "ip addr help".\n`);
}

interface ModifyArgs {
  dev?: string;
  label?: string;
  local?: { addr: string; len: number; lenGiven: boolean; text: string };
  scope?: AddrScope;
  brd?: string;
}

function parseModify(c: IpCtx, argv: string[]): ModifyArgs {
  const a = new Args(argv);
  const m: ModifyArgs = {};
  while (!a.done) {
    const w = a.take();
    if (w === 'peer' || w === 'remote')
      throw new ToolExit(1, 'ip: point-to-point "peer" addresses are not simulated in this lab\n');
    else if (matches(w, 'broadcast') || w === 'brd') {
      const v = a.next();
      if (m.brd !== undefined) duparg('broadcast', v);
      m.brd = v === '+' || v === '-' ? v : getAddr(v, c.opts);
    } else if (w === 'scope') {
      const v = a.next();
      m.scope = parseScope(v) ?? invarg('invalid scope value.', v);
    } else if (w === 'dev') m.dev = a.next();
    else if (w === 'label') m.label = a.next();
    else if (matches(w, 'valid_lft') || matches(w, 'preferred_lft')) {
      const v = a.next();
      if (v !== 'forever' && !/^\d+$/.test(v))
        invarg(`invalid ${matches(w, 'valid_lft') ? 'valid' : 'preferred'}_lft value`, v);
    } else if (['home', 'nodad', 'mngtmpaddr', 'noprefixroute', 'autojoin'].includes(w)) continue;
    else {
      const v = w === 'local' ? a.next() : w;
      if (matches(v, 'help')) usage();
      if (m.local) throw new ToolExit(255, `Error: either "local" is duplicate, or "${v}" is a garbage.\n`);
      m.local = { ...getPrefix(v, c.opts), text: v };
    }
  }
  return m;
}

function addrModify(c: IpCtx, argv: string[], op: 'add' | 'replace' | 'del'): number {
  const m = parseModify(c, argv);
  if (m.dev === undefined) throw new ToolExit(1, 'Not enough information: "dev" argument is required.\n');
  if (m.label !== undefined && !matches(m.dev, m.label))
    throw new ToolExit(1, `"dev" (${m.dev}) must match "label" (${m.label}).\n`);
  device(c.host, m.dev);
  const local = m.local ?? rtnl('Invalid argument');
  if (op === 'del') return addrDel(c, m.dev, local, m.label);
  const label = (m.label ?? m.dev).slice(0, 15);
  const scope: AddrScope = m.scope ?? (local.addr.startsWith('127.') ? 'host' : 'global');
  const existing = c.host.addrsOf(m.dev).find((x) => x.ip === local.addr && x.prefix === local.len);
  if (existing && op === 'add') rtnl('File exists');
  // `replace` of an existing address updates it in place (its lifetimes, for the kernel).
  if (!existing && c.host.addAddress(label, local.addr, local.len, scope) === 'exists') rtnl('File exists');
  const a = existing ?? c.host.addrsOf(m.dev).find((x) => x.ip === local.addr && x.prefix === local.len);
  if (a) {
    const brd =
      m.brd === '+'
        ? local.len < 31
          ? broadcastOf(local.addr, local.len)
          : null
        : m.brd === '-'
          ? null
          : (m.brd ?? null);
    setShownBroadcast(a, brd);
  }
  c.host.sim.emit({
    kind: 'addr.add',
    host: c.host.name,
    dev: m.dev,
    label,
    addr: `${local.addr}/${local.len}`,
    scope,
  });
  return 0;
}

function addrDel(
  c: IpCtx,
  dev: string,
  local: NonNullable<ModifyArgs['local']>,
  label: string | undefined,
): number {
  const target = c.host
    .addrsOf(dev)
    .find(
      (x) =>
        x.ip === local.addr &&
        (!local.lenGiven || x.prefix === local.len) &&
        (label === undefined || x.label === label),
    );
  const warning = local.lenGiven
    ? ''
    : 'Warning: Executing wildcard deletion to stay compatible with old scripts.\n' +
      `         Explicitly specify the prefix length (${local.text}/32) to avoid this warning.\n` +
      '         This special behaviour is likely to disappear in further releases,\n' +
      '         fix your scripts!\n';
  c.err(warning);
  if (!target) rtnl('Cannot assign requested address');
  c.host.delAddress(dev, target.ip, target.prefix);
  c.host.sim.emit({ kind: 'addr.del', host: c.host.name, dev, addr: `${target.ip}/${target.prefix}` });
  return 0;
}

function addrList(c: IpCtx, argv: string[], flush: boolean): number {
  if (flush && argv.length === 0) throw new ToolExit(1, 'Flush requires arguments.\n');
  const a = new Args(argv);
  const f: AddrFilter = {};
  let primaryOnly: boolean | undefined;
  while (!a.done) {
    const w = a.take();
    if (w === 'to') getPrefix(a.next(), c.opts);
    else if (w === 'scope') {
      const v = a.next();
      if (v !== 'all') f.scope = parseScope(v) ?? invarg('invalid "scope"\n', v);
    } else if (w === 'up') f.up = true;
    else if (w === 'label') f.label = a.next();
    else if (w === 'primary') primaryOnly = true;
    else if (w === 'secondary') primaryOnly = false;
    else if (['permanent', 'dynamic', 'temporary'].includes(w)) continue;
    else {
      const v = w === 'dev' ? a.next() : w;
      if (w !== 'dev' && matches(v, 'help')) usage();
      if (f.dev !== undefined)
        throw new ToolExit(255, `Error: either "dev" is duplicate, or "${v}" is a garbage.\n`);
      f.dev = v;
    }
  }
  if (f.dev !== undefined && !c.host.devices.has(f.dev))
    throw new ToolExit(1, `Device "${f.dev}" does not exist.\n`);
  const devs = devicesByIndex(c.host).filter((d) => f.dev === undefined || d.name === f.dev);
  if (flush)
    return addrFlush(
      c,
      devs.map((d) => d.name),
      f,
      primaryOnly,
    );
  const shown = addrShow(c.host, devs, c.opts, f).filter(
    (l) =>
      primaryOnly === undefined || !l.startsWith('    inet') || l.includes(' secondary ') !== primaryOnly,
  );
  c.out(shown.map((l) => l + '\n').join(''));
  return 0;
}

function addrFlush(c: IpCtx, devs: string[], f: AddrFilter, primaryOnly: boolean | undefined): number {
  for (let round = 0; round < 10; round++) {
    const victims = c.host.addrs.filter(
      (x) =>
        devs.includes(x.dev) &&
        (f.label === undefined || x.label === f.label) &&
        (f.scope === undefined || x.scope === f.scope) &&
        (primaryOnly === undefined || x.secondary !== primaryOnly),
    );
    if (victims.length === 0) break;
    for (const v of victims) c.host.delAddress(v.dev, v.ip, v.prefix);
  }
  return 0;
}

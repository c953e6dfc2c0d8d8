/** `ip neigh`: show, flush, add/replace/change, del (iproute2 4.11 ipneigh.c). */
import { inSubnet } from '../../../stack/addrMath';
import type { NeighEntry, NudState } from '../../../stack/neighbour';
import { addNeigh, delNeigh, parseMacLoose } from '../common/neighAdmin';
import { ToolExit } from '../common/toolExit';
import { Args, device, getAddr, getPrefix, invarg, matches, rtnl } from './ipCommon';
import type { IpCtx } from './ipCommon';

const NEIGH_USAGE = `Usage: ip neigh { add | del | change | replace }
                { ADDR [ lladdr LLADDR ] [ nud STATE ] | proxy ADDR } [ dev DEV ]
       ip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]

STATE := { permanent | noarp | stale | reachable | none |
           incomplete | delay | probe | failed }
`;

function usage(): never {
  throw new ToolExit(255, NEIGH_USAGE);
}

const STATES: Readonly<Record<string, NudState>> = {
  permanent: 'PERMANENT',
  noarp: 'NOARP',
  stale: 'STALE',
  reachable: 'REACHABLE',
  none: 'NONE',
  incomplete: 'INCOMPLETE',
  delay: 'DELAY',
  probe: 'PROBE',
  failed: 'FAILED',
};

const VALID: ReadonlySet<NudState> = new Set(['REACHABLE', 'STALE', 'DELAY', 'PROBE', 'PERMANENT', 'NOARP']);

export function ipNeigh(c: IpCtx, argv: string[]): number {
  const cmd = argv[0];
  const rest = argv.slice(1);
  if (cmd === undefined) return neighList(c, [], false);
  if (matches(cmd, 'add')) return neighModify(c, rest, 'add');
  if (matches(cmd, 'change') || cmd === 'chg' || matches(cmd, 'replace'))
    return neighModify(c, rest, 'replace');
  if (matches(cmd, 'delete')) return neighModify(c, rest, 'del');
  if (matches(cmd, 'show') || matches(cmd, 'list') || matches(cmd, 'lst')) return neighList(c, rest, false);
  if (matches(cmd, 'flush')) return neighList(c, rest, true);
  if (matches(cmd, 'help')) usage();
  throw new ToolExit(255, `Command "${cmd}" is unknown, try "ip neigh help".\n`);
}

/** print_neigh: `IP dev DEV lladdr MAC STATE`; no lladdr (and a double space) when not valid. */
export function neighLine(e: NeighEntry, showDev: boolean): string {
  let s = `${e.ip} `;
  if (showDev) s += `dev ${e.dev} `;
  if (VALID.has(e.state) && e.mac !== undefined) s += `lladdr ${e.mac}`;
  return `${s} ${e.state}`;
}

function neighList(c: IpCtx, argv: string[], flush: boolean): number {
  if (flush && argv.length === 0) throw new ToolExit(1, 'Flush requires arguments.\n');
  const a = new Args(argv);
  let dev: string | undefined;
  let states: Set<NudState> | undefined;
  let pfx: { addr: string; len: number } | undefined;
  while (!a.done) {
    const w = a.take();
    if (w === 'dev') dev = device(c.host, a.next()).name;
    else if (w === 'nud') {
      const v = a.next();
      states ??= new Set();
      if (v === 'all') for (const s of Object.values(STATES)) states.add(s);
      else states.add(STATES[v] ?? invarg('nud state is bad', v));
    } else if (w === 'proxy' || w === 'unused') continue;
    else {
      const v = w === 'to' ? a.next() : w;
      if (matches(v, 'help')) usage();
      pfx = getPrefix(v, c.opts);
    }
  }
  const picked = [...c.host.neigh.entries.values()].filter(
    (e) =>
      (dev === undefined || e.dev === dev) &&
      (pfx === undefined || inSubnet(e.ip, pfx.addr, pfx.len)) &&
      (states
        ? states.has(e.state)
        : e.state !== 'NONE' && e.state !== 'NOARP' && !(flush && e.state === 'PERMANENT')),
  );
  if (flush) {
    for (const e of picked) delNeigh(c.host, e.dev, e.ip);
    return 0;
  }
  c.out(picked.map((e) => neighLine(e, dev === undefined) + '\n').join(''));
  return 0;
}

function neighModify(c: IpCtx, argv: string[], op: 'add' | 'replace' | 'del'): number {
  const a = new Args(argv);
  let lla: string | undefined;
  let state: NudState = 'PERMANENT';
  let dev: string | undefined;
  let dst: string | undefined;
  while (!a.done) {
    const w = a.take();
    if (matches(w, 'lladdr')) {
      const v = a.next();
      if (lla !== undefined)
        throw new ToolExit(255, `Error: either "lladdr" is duplicate, or "${v}" is a garbage.\n`);
      lla = v;
    } else if (w === 'nud') {
      const v = a.next();
      state = STATES[v] ?? invarg('nud state is bad', v);
    } else if (w === 'dev') dev = a.next();
    else if (matches(w, 'proxy') || w === 'router') continue;
    else {
      const v = w === 'to' ? a.next() : w;
      if (matches(v, 'help')) usage();
      if (dst !== undefined)
        throw new ToolExit(255, `Error: either "to" is duplicate, or "${v}" is a garbage.\n`);
      dst = getAddr(v, c.opts);
    }
  }
  if (dev === undefined || dst === undefined)
    throw new ToolExit(255, 'Device and destination are required arguments.\n');
  let mac: string | undefined;
  if (lla !== undefined && lla !== 'null') {
    mac = parseMacLoose(lla);
    if (mac === undefined) throw new ToolExit(1, `"${lla}" is invalid lladdr.\n`);
  }
  device(c.host, dev);
  if (op === 'del') {
    if (delNeigh(c.host, dev, dst) === 'missing') rtnl('No such file or directory');
    return 0;
  }
  if (mac === undefined) rtnl('Invalid argument');
  if (addNeigh(c.host, dev, dst, mac, state, op === 'replace') === 'exists') rtnl('File exists');
  return 0;
}

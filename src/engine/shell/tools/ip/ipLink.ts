/** `ip link`: show, set (up/down/mtu), add/del of ipip tunnels (iproute2 4.11 iplink.c). */
import type { Host } from '../../../stack/host';
import { loadIpip } from '../common/ipipModule';
import { ToolExit } from '../common/toolExit';
import { forgetTunnel, setTunnelParams } from './ipTunnel';
import { linkBlock } from './ipShow';
import { Args, device, devicesByIndex, getAddr, invarg, matches, rtnl } from './ipCommon';
import type { IpCtx } from './ipCommon';

/** A link was set up or down (ip link set, ifconfig). */
export interface LinkSetEvent {
  kind: 'link.set';
  host: string;
  dev: string;
  up: boolean;
  by?: 'ifconfig';
}

/** A network device appeared (a tunnel by ip link add, tunl0 by loading ipip). */
export interface NetdevRegisterEvent {
  kind: 'netdev.register';
  host: string;
  dev: string;
  devKind: 'ipip';
  by: 'ip link add' | 'modprobe ipip';
}

/** A network device was deleted. */
export interface NetdevUnregisterEvent {
  kind: 'netdev.unregister';
  host: string;
  dev: string;
}

const LINK_USAGE = `Usage: ip link add [link DEV] [ name ] NAME
                   [ txqueuelen PACKETS ]
                   [ address LLADDR ]
                   [ broadcast LLADDR ]
                   [ mtu MTU ]
                   type TYPE [ ARGS ]

       ip link delete { DEVICE | dev DEVICE | group DEVGROUP } type TYPE [ ARGS ]

       ip link set { DEVICE | dev DEVICE | group DEVGROUP }
	                  [ { up | down } ]
	                  [ arp { on | off } ]
	                  [ txqueuelen PACKETS ]
	                  [ mtu MTU ]

       ip link show [ DEVICE | group GROUP ] [up] [master DEV] [vrf NAME] [type TYPE]

TYPE := { vlan | veth | vcan | dummy | ifb | macvlan | macvtap |
          bridge | bond | team | ipoib | ip6tnl | ipip | sit | vxlan |
          gre | gretap | ip6gre | ip6gretap | vti | nlmon | team_slave |
          bond_slave | ipvlan | geneve | bridge_slave | vrf | macsec }
`;

function usage(): never {
  throw new ToolExit(255, LINK_USAGE);
}

export function ipLink(c: IpCtx, argv: string[]): number {
  const cmd = argv[0];
  const rest = argv.slice(1);
  if (cmd === undefined) return linkShow(c, []);
  if (matches(cmd, 'add')) return linkAdd(c, rest);
  if (matches(cmd, 'set') || matches(cmd, 'change')) return linkSet(c, rest);
  if (matches(cmd, 'delete')) return linkDel(c, rest);
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return linkShow(c, rest);
  if (matches(cmd, 'help')) usage();
  throw new ToolExit(255, `Command "${cmd}" is unknown, try "ip link help".\n`);
}

function linkShow(c: IpCtx, argv: string[]): number {
  const a = new Args(argv);
  let dev: string | undefined;
  let up = false;
  while (!a.done) {
    const w = a.take();
    if (w === 'up') up = true;
    else {
      const v = w === 'dev' ? a.next() : w;
      if (w !== 'dev' && matches(v, 'help')) usage();
      if (dev !== undefined)
        throw new ToolExit(255, `Error: either "dev" is duplicate, or "${v}" is a garbage.\n`);
      dev = v;
    }
  }
  if (dev !== undefined && !c.host.devices.has(dev))
    throw new ToolExit(1, `Device "${dev}" does not exist.\n`);
  const lines: string[] = [];
  for (const d of devicesByIndex(c.host)) {
    if ((dev !== undefined && d.name !== dev) || (up && !d.up)) continue;
    lines.push(...linkBlock(c.host, d, c.opts));
  }
  c.out(lines.map((l) => l + '\n').join(''));
  return 0;
}

function linkSet(c: IpCtx, argv: string[]): number {
  const a = new Args(argv);
  let dev: string | undefined;
  let up: boolean | undefined;
  let mtu: number | undefined;
  let qlen: number | undefined;
  while (!a.done) {
    const w = a.take();
    if (w === 'up' || w === 'down') up = w === 'up';
    else if (matches(w, 'txqueuelen') || w === 'qlen' || matches(w, 'txqlen')) {
      const v = a.next();
      if (qlen !== undefined)
        throw new ToolExit(255, `Error: either "txqueuelen" is duplicate, or "${v}" is a garbage.\n`);
      qlen =
        /^\d+$/.test(v) && Number(v) <= 0xffffffff ? Number(v) : invarg('Invalid "txqueuelen" value\n', v);
    } else if (w === 'mtu') {
      const v = a.next();
      if (mtu !== undefined)
        throw new ToolExit(255, `Error: either "mtu" is duplicate, or "${v}" is a garbage.\n`);
      mtu = /^\d+$/.test(v) ? Number(v) : invarg('Invalid "mtu" value\n', v);
    } else if (w === 'arp') {
      const v = a.next();
      if (v !== 'on' && v !== 'off')
        throw new ToolExit(255, `Error: argument of "arp" must be "on" or "off", not "${v}"\n`);
      if (v === 'off') throw new ToolExit(1, 'ip: "arp off" is not simulated in this lab\n');
    } else {
      const v = w === 'dev' ? a.next() : w;
      if (w !== 'dev' && matches(v, 'help')) usage();
      if (dev !== undefined)
        throw new ToolExit(255, `Error: either "dev" is duplicate, or "${v}" is a garbage.\n`);
      dev = v;
    }
  }
  if (dev === undefined) throw new ToolExit(255, 'Not enough information: "dev" argument is required.\n');
  const d = device(c.host, dev);
  if (mtu !== undefined) {
    const max = d.kind === 'loopback' ? 65536 : d.kind === 'ipip' ? 65515 : 65535;
    if (mtu < 68 || mtu > max) rtnl('Invalid argument');
    c.host.setMtu(d.name, mtu);
  }
  // The queue's limit applies to frames queued from now on (what tx_queue_len does).
  if (qlen !== undefined) d.txqueuelen = qlen;
  if (up !== undefined) {
    c.host.setLink(dev, up);
    c.host.sim.emit({ kind: 'link.set', host: c.host.name, dev, up });
  }
  return 0;
}

interface TunnelArgs {
  local: string;
  remote: string;
  ttl: number;
}

function parseIptnl(c: IpCtx, a: Args): TunnelArgs {
  const t: TunnelArgs = { local: '0.0.0.0', remote: '0.0.0.0', ttl: 0 };
  while (!a.done) {
    const w = a.take();
    if (w === 'remote') {
      const v = a.next();
      t.remote = v === 'any' ? '0.0.0.0' : getAddr(v, c.opts);
    } else if (w === 'local') {
      const v = a.next();
      t.local = v === 'any' ? '0.0.0.0' : getAddr(v, c.opts);
    } else if (matches(w, 'ttl') || matches(w, 'hoplimit')) {
      const v = a.next();
      if (v === 'inherit') t.ttl = 0;
      else if (/^\d+$/.test(v) && Number(v) <= 255) t.ttl = Number(v);
      else invarg('invalid TTL\n', v);
    } else if (w === 'pmtudisc' || w === 'nopmtudisc') continue;
    else throw new ToolExit(255, `ipip: unknown command "${w}"?\n`);
  }
  return t;
}

function linkAdd(c: IpCtx, argv: string[]): number {
  const a = new Args(argv);
  let name: string | undefined;
  let type: string | undefined;
  while (!a.done && type === undefined) {
    const w = a.take();
    if (matches(w, 'type')) type = a.next();
    else if (w === 'name' || w === 'dev') name = a.next();
    else if (matches(w, 'link')) device(c.host, a.next());
    else if (matches(w, 'help')) usage();
    else {
      if (name !== undefined)
        throw new ToolExit(255, `Error: either "dev" is duplicate, or "${w}" is a garbage.\n`);
      name = w;
    }
  }
  if (type === undefined) throw new ToolExit(1, 'Not enough information: "type" argument is required\n');
  if (type !== 'ipip') {
    if (!a.done)
      throw new ToolExit(1, `Garbage instead of arguments "${a.peek() ?? ''} ...". Try "ip link help".\n`);
    rtnl('Operation not supported');
  }
  const t = parseIptnl(c, a);
  // The kernel autoloads ipip (rtnl-link-ipip), whose init registers tunl0 first.
  loadIpip(c.host);
  const devName = name ?? nextTunnelName(c.host);
  if (devName.length > 15) rtnl('Numerical result out of range');
  if (c.host.devices.has(devName)) rtnl('File exists');
  c.host.addDevice(devName, 'ipip', '00:00:00:00:00:00');
  setTunnelParams(c.host, devName, t);
  c.host.sim.emit({
    kind: 'netdev.register',
    host: c.host.name,
    dev: devName,
    devKind: 'ipip',
    by: 'ip link add',
  });
  return 0;
}

function nextTunnelName(host: Host): string {
  for (let i = 1; ; i++) if (!host.devices.has(`tunl${i}`)) return `tunl${i}`;
}

function linkDel(c: IpCtx, argv: string[]): number {
  const a = new Args(argv);
  let dev: string | undefined;
  while (!a.done) {
    const w = a.take();
    if (matches(w, 'type')) {
      a.next();
      break;
    }
    const v = w === 'dev' ? a.next() : w;
    if (dev !== undefined)
      throw new ToolExit(255, `Error: either "dev" is duplicate, or "${v}" is a garbage.\n`);
    dev = v;
  }
  if (dev === undefined) throw new ToolExit(255, 'Not enough information: "dev" argument is required.\n');
  const d = device(c.host, dev);
  if (d.kind !== 'ipip') rtnl('Operation not supported');
  // ip_tunnel_dellink leaves the module's fallback device alone, silently.
  if (d.name === 'tunl0') return 0;
  for (const x of c.host.addrsOf(d.name)) c.host.delAddress(d.name, x.ip, x.prefix);
  c.host.routes.remove((r) => r.dev === d.name);
  c.host.removeDevice(d.name);
  forgetTunnel(c.host, d.name);
  c.host.sim.emit({ kind: 'netdev.unregister', host: c.host.name, dev: d.name });
  return 0;
}

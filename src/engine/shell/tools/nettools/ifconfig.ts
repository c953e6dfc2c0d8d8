/**
 * ifconfig (net-tools 2.0). Arguments act in order through the kernel's SIOCSIF* ioctls, with
 * devinet_ioctl's rules: setting an address on `lo:1` creates the alias with a classful prefix
 * that `netmask` then narrows; `down` on an alias deletes its address; an address on a plain
 * device brings the device up.
 */
import { broadcastOf } from '../../../stack/addrMath';
import { Host } from '../../../stack/host';
import type { Network } from '../../../stack/network';
import { simple } from '../../types';
import type { CommandContext, CommandImpl } from '../../types';
import { setShownBroadcast, shownBroadcast } from '../common/addrBroadcast';
import { classfulPrefix, inetAton, maskPrefix, prefixMaskText } from '../common/inet';
import { guarded, ToolExit } from '../common/toolExit';
import { ifaceBlock, ifaceShort, labelAddr, listIfaces, SHORT_HEADER } from './ifconfigShow';

const USAGE = `Usage:
  ifconfig [-a] [-v] [-s] <interface> [[<AF>] <address>]
  [add <address>[/<prefixlen>]]
  [del <address>[/<prefixlen>]]
  [[-]broadcast [<address>]]  [[-]pointopoint [<address>]]
  [netmask <address>]  [dstaddr <address>]  [tunnel <address>]
  [outfill <NN>] [keepalive <NN>]
  [hw <HW> <address>]  [mtu <NN>]
  [[-]trailers]  [[-]arp]  [[-]allmulti]
  [multicast]  [[-]promisc]
  [mem_start <NN>]  [io_addr <NN>]  [irq <NN>]  [media <type>]
  [txqueuelen <NN>]
  [[-]dynamic]
  [up|down] ...

  <HW>=Hardware Type.
  List of possible hardware types:
    loop (Local Loopback) slip (Serial Line IP) cslip (VJ Serial Line IP) 
    slip6 (6-bit Serial Line IP) cslip6 (VJ 6-bit Serial Line IP) adaptive (Adaptive Serial Line IP) 
    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) rose (AMPR ROSE) tunnel (IPIP Tunnel) 
    ppp (Point-to-Point Protocol) hdlc ((Cisco)-HDLC) lapb (LAPB) 
    arcnet (ARCnet) dlci (Frame Relay DLCI) frad (Frame Relay Access Device) 
    sit (IPv6-in-IPv4) fddi (Fiber Distributed Data Interface) hippi (HIPPI) 
    irda (IrLAP) ec (Econet) x25 (generic X.25) 
    infiniband (InfiniBand) eui64 (Generic EUI-64) 
  <AF>=Address family. Default: inet
  List of possible address families:
    unix (UNIX Domain) inet (DARPA Internet) inet6 (IPv6) 
    ax25 (AMPR AX.25) netrom (AMPR NET/ROM) rose (AMPR ROSE) 
    ipx (Novell IPX) ddp (Appletalk DDP) ec (Econet) 
    ash (Ash) x25 (CCITT X.25) 
`;

function usage(): never {
  throw new ToolExit(4, USAGE);
}

function show(
  ctx: CommandContext,
  host: Host,
  name: string | undefined,
  all: boolean,
  short: boolean,
): number {
  const ifaces = listIfaces(host);
  if (name === undefined) {
    const shown = ifaces.filter((i) => all || i.dev.up);
    if (short) ctx.out([SHORT_HEADER, ...shown.map((i) => ifaceShort(host, i))].join('\n') + '\n');
    else ctx.out(shown.flatMap((i) => ifaceBlock(host, i)).join('\n') + (shown.length ? '\n' : ''));
    return 0;
  }
  const dev = host.devices.get(Host.baseDev(name));
  if (!dev) throw new ToolExit(1, `${name}: error fetching interface information: Device not found\n`);
  const i = ifaces.find((x) => x.name === name) ?? { name, dev, alias: true };
  if (short) ctx.out(`${SHORT_HEADER}\n${ifaceShort(host, i)}\n`);
  else ctx.out(ifaceBlock(host, i).join('\n') + '\n');
  return 0;
}

/** The kernel side of one ifconfig step; returns the perror text on failure. */
class Ioctl {
  constructor(
    private readonly host: Host,
    private readonly label: string,
  ) {}
  private get devName(): string {
    return Host.baseDev(this.label);
  }
  private get alias(): boolean {
    return this.label.includes(':');
  }
  private readdr(
    ip: string,
    prefix: number,
    brd: string | null,
    old: { ip: string; prefix: number } | undefined,
  ): void {
    const dev = this.devName;
    if (old) {
      this.host.delAddress(dev, old.ip, old.prefix);
      // fib_disable_ip: the last address gone takes every route through the device with it.
      if (this.host.addrsOf(dev).length === 0) this.host.routes.remove((r) => r.dev === dev);
    }
    if (ip === '0.0.0.0') return;
    this.host.addAddress(this.label, ip, prefix, ip.startsWith('127.') ? 'host' : 'global');
    const a = labelAddr(this.host, this.label);
    if (a) setShownBroadcast(a, brd);
    this.host.sim.emit({
      kind: 'addr.add',
      host: this.host.name,
      dev,
      label: this.label,
      addr: `${ip}/${prefix}`,
      by: 'ifconfig',
    });
  }
  setAddr(ip: string): string | undefined {
    const d = this.host.devices.get(this.devName);
    if (!d) return 'No such device';
    if (classfulPrefix(ip) < 0) return 'Invalid argument';
    const old = labelAddr(this.host, this.label);
    if (old?.ip === ip) return undefined;
    const prefix = classfulPrefix(ip);
    const brd = d.kind === 'ether' && prefix < 31 ? broadcastOf(ip, prefix) : null;
    this.readdr(ip, prefix, brd, old);
    return undefined;
  }
  setMask(mask: string): string | undefined {
    if (!this.host.devices.has(this.devName)) return 'No such device';
    const a = labelAddr(this.host, this.label);
    if (!a) return 'Cannot assign requested address';
    const prefix = maskPrefix(mask);
    if (prefix === undefined) return 'Invalid argument';
    if (prefix === a.prefix) return undefined;
    const d = this.host.devices.get(this.devName);
    const oldBrd = shownBroadcast(a, d?.kind === 'loopback') ?? null;
    const recalc = d?.kind === 'ether' && prefix < 31 && oldBrd === broadcastOf(a.ip, a.prefix);
    this.readdr(a.ip, prefix, recalc ? broadcastOf(a.ip, prefix) : oldBrd, a);
    return undefined;
  }
  setBroadcast(b: string): string | undefined {
    if (!this.host.devices.has(this.devName)) return 'No such device';
    const a = labelAddr(this.host, this.label);
    if (!a) return 'Cannot assign requested address';
    setShownBroadcast(a, b);
    return undefined;
  }
  /** SIOCSIFFLAGS: an alias only reacts to losing IFF_UP (its address goes). */
  setUp(up: boolean): string | undefined {
    if (!this.host.devices.has(this.devName)) return 'No such device';
    if (this.alias) {
      const a = labelAddr(this.host, this.label);
      if (!a) return 'Cannot assign requested address';
      if (!up) this.readdr('0.0.0.0', 0, null, a);
      return undefined;
    }
    this.host.setLink(this.devName, up);
    this.host.sim.emit({ kind: 'link.set', host: this.host.name, dev: this.devName, up, by: 'ifconfig' });
    return undefined;
  }
  setMtu(mtu: number): string | undefined {
    const d = this.host.devices.get(this.devName);
    if (!d) return 'No such device';
    if (!Number.isInteger(mtu) || mtu < 68 || mtu > 65536) return 'Invalid argument';
    this.host.setMtu(this.devName, mtu);
    return undefined;
  }
}

const UNSUPPORTED = [
  'arp',
  '-arp',
  'trailers',
  '-trailers',
  'promisc',
  '-promisc',
  'allmulti',
  '-allmulti',
  'multicast',
  '-multicast',
  'dynamic',
  '-dynamic',
  '-broadcast',
  'hw',
  'add',
  'del',
  'pointopoint',
  '-pointopoint',
  'dstaddr',
  'tunnel',
  'txqueuelen',
  'media',
  'port',
  'mem_start',
  'io_addr',
  'irq',
  'keepalive',
  'outfill',
];

function flagErr(ctx: CommandContext, k: Ioctl, label: string, up: boolean): number {
  const e = k.setUp(up);
  if (e === undefined) return 0;
  ctx.err(
    e === 'No such device'
      ? `${label}: ERROR while getting interface flags: No such device\n`
      : `SIOCSIFFLAGS: ${e}\n`,
  );
  return 1;
}

function configure(ctx: CommandContext, host: Host, label: string, args: string[]): number {
  const k = new Ioctl(host, label);
  let goterr = 0;
  let neednetmask: number | undefined;
  const perr = (call: string, e: string | undefined): void => {
    if (e === undefined) return;
    ctx.err(`${call}: ${e}\n`);
    goterr = 1;
  };
  if (args[0] === 'inet') args.shift();
  for (let i = 0; i < args.length; i++) {
    const w = args[i] ?? '';
    if (w === 'up' || w === 'down') goterr |= flagErr(ctx, k, label, w === 'up');
    else if (w === 'netmask' || w === 'broadcast' || w === 'mtu') {
      const v = args[++i];
      if (v === undefined) {
        if (w === 'broadcast') continue;
        usage();
      }
      if (w === 'mtu') perr('SIOCSIFMTU', k.setMtu(Number(v)));
      else {
        const ip = inetAton(v);
        if (ip === undefined) {
          ctx.err(`${v}: Unknown host\n`);
          goterr = 1;
        } else if (w === 'netmask') perr('SIOCSIFNETMASK', k.setMask(ip));
        else perr('SIOCSIFBRDADDR', k.setBroadcast(ip));
      }
    } else if (UNSUPPORTED.includes(w))
      throw new ToolExit(1, `ifconfig: "${w}" is not simulated in this lab\n`);
    else {
      const slash = w.indexOf('/');
      const ip = inetAton(slash < 0 ? w : w.slice(0, slash));
      const len = slash < 0 ? undefined : w.slice(slash + 1);
      if (len !== undefined && (!/^\d+$/.test(len) || Number(len) > 32)) usage();
      if (ip === undefined)
        throw new ToolExit(1, `${w}: Unknown host\nifconfig: \`--help' gives usage information.\n`);
      if (len !== undefined) neednetmask = Number(len);
      perr('SIOCSIFADDR', k.setAddr(ip));
      goterr |= flagErr(ctx, k, label, true);
    }
  }
  if (neednetmask !== undefined) perr('SIOCSIFNETMASK', k.setMask(prefixMaskText(neednetmask)));
  return goterr;
}

export function ifconfigCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) =>
    guarded(ctx, () => {
      const argv = ctx.argv.slice(1);
      let all = false;
      let short = false;
      while (argv.length > 0 && (argv[0] ?? '').startsWith('-')) {
        const o = argv.shift() ?? '';
        if (o === '-a') all = true;
        else if (o === '-s') short = true;
        else if (o === '-v') continue;
        else if (o === '-V' || o === '--version') throw new ToolExit(5, 'net-tools 2.10-alpha\n');
        else if (['-?', '-h', '-help', '--help'].includes(o)) usage();
        else
          throw new ToolExit(
            1,
            `ifconfig: option \`${o}' not recognised.\nifconfig: \`--help' gives usage information.\n`,
          );
      }
      const name = argv.shift();
      if (name === undefined || argv.length === 0) return show(ctx, host, name, all, short);
      return configure(ctx, host, name, argv);
    }),
  );
}

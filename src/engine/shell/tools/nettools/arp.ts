/** arp (net-tools 2.0): /proc/net/arp in table (-e, the default) or BSD (-a) style, -s, -d. */
import type { Host } from '../../../stack/host';
import type { NeighEntry } from '../../../stack/neighbour';
import type { Network } from '../../../stack/network';
import { simple } from '../../types';
import type { CommandContext, CommandImpl } from '../../types';
import { getopt } from '../common/getopt';
import { inetAton } from '../common/inet';
import { addNeigh, delNeigh, parseMacLoose } from '../common/neighAdmin';
import { gatewayDev } from '../common/routes';
import { cut } from '../common/text';
import { guarded, ToolExit } from '../common/toolExit';

const USAGE = `Usage:
  arp [-vn]  [<HW>] [-i <if>] [-a] [<hostname>]             <-Display ARP cache
  arp [-v]          [-i <if>] -d  <host> [pub]               <-Delete ARP entry
  arp [-vnD] [<HW>] [-i <if>] -f  [<filename>]            <-Add entry from file
  arp [-v]   [<HW>] [-i <if>] -s  <host> <hwaddr> [temp]            <-Add entry
  arp [-v]   [<HW>] [-i <if>] -Ds <host> <if> [netmask <nm>] pub          <-''-

        -a                       display (all) hosts in alternative (BSD) style
        -e                       display (all) hosts in default (Linux) style
        -s, --set                set a new ARP entry
        -d, --delete             delete a specified entry
        -v, --verbose            be verbose
        -n, --numeric            don't resolve names
        -i, --device             specify network interface (e.g. eth0)
        -D, --use-device         read <hwaddr> from given device
        -A, -p, --protocol       specify protocol family
        -f, --file               read new entries from file or from /etc/ethers

  <HW>=Use '-H <hw>' to specify hardware address type. Default: ether
  List of possible hardware types (which support ARP):
    ash (Ash) ether (Ethernet) ax25 (AMPR AX.25) 
    netrom (AMPR NET/ROM) rose (AMPR ROSE) arcnet (ARCnet) 
    dlci (Frame Relay DLCI) fddi (Fiber Distributed Data Interface) hippi (HIPPI) 
    irda (IrLAP) x25 (generic X.25) eui64 (Generic EUI-64) 
`;

const VALID = new Set(['REACHABLE', 'STALE', 'DELAY', 'PROBE', 'PERMANENT', 'NOARP']);

function gatewayName(host: Host, ip: string, numeric: boolean): string | undefined {
  if (numeric) return undefined;
  return host.routes.list('main').some((r) => r.prefix === 0 && r.via === ip) ? 'gateway' : undefined;
}

function tableLine(host: Host, e: NeighEntry, numeric: boolean): string {
  const name = gatewayName(host, e.ip, numeric) ?? e.ip;
  const complete = VALID.has(e.state);
  const flags = (complete ? 'C' : '') + (e.state === 'PERMANENT' ? 'M' : '');
  const hw = complete
    ? `${cut('ether', 8)}${cut(e.mac ?? '', 20)}`
    : `${cut('', 8)}${cut('(incomplete)', 20)}`;
  return `${cut(name, 23)}  ${hw}${cut(flags, 6)}${cut('', 15)} ${e.dev}`;
}

function bsdLine(host: Host, e: NeighEntry, numeric: boolean): string {
  const name = gatewayName(host, e.ip, numeric) ?? '?';
  const at = VALID.has(e.state) ? `${e.mac ?? ''} [ether] ` : '<incomplete> ';
  return `${name} (${e.ip}) at ${at}${e.state === 'PERMANENT' ? 'PERM ' : ''}on ${e.dev}`;
}

function show(ctx: CommandContext, host: Host, o: ArpOpts, target: string | undefined): number {
  const ip = target === undefined ? undefined : (inetAton(target) ?? unknownHost(target));
  const all = [...host.neigh.entries.values()].filter((e) => e.state !== 'NONE' && e.state !== 'NOARP');
  const shown = all.filter(
    (e) => (ip === undefined || e.ip === ip) && (o.dev === undefined || e.dev === o.dev),
  );
  const lines = shown.map((e) => (o.bsd ? bsdLine(host, e, o.numeric) : tableLine(host, e, o.numeric)));
  if (!o.bsd && lines.length > 0)
    lines.unshift('Address                  HWtype  HWaddress           Flags Mask            Iface');
  if (shown.length === 0 && ip !== undefined && !o.bsd) lines.push(`${target ?? ''} (${ip}) -- no entry`);
  else if (shown.length === 0 && (ip !== undefined || o.dev !== undefined))
    lines.push(`arp: in ${all.length} entries no match found.`);
  ctx.out(lines.map((l) => l + '\n').join(''));
  return 0;
}

function unknownHost(text: string): never {
  throw new ToolExit(255, `${text}: Unknown host\n`);
}

/** The device SIOCSARP/SIOCDARP use without -i: where the route to the address leads. */
function arpDev(host: Host, ip: string, dev: string | undefined, call: string): string {
  if (dev !== undefined) {
    if (!host.devices.has(dev)) throw new ToolExit(255, `${call}: No such device\n`);
    return dev;
  }
  // ip_route_output with RTO_ONLINK: only a link-scope route counts, not a gateway route.
  const nh = gatewayDev(host, ip);
  if (!nh) throw new ToolExit(255, `${call}: Network is unreachable\n`);
  return nh.dev;
}

function set(host: Host, o: ArpOpts, args: string[]): number {
  const [target, hw, ...rest] = args;
  if (target === undefined || hw === undefined) throw new ToolExit(255, USAGE);
  const ip = inetAton(target) ?? unknownHost(target);
  const mac = parseMacLoose(hw);
  if (mac === undefined) throw new ToolExit(255, 'arp: invalid hardware address\n');
  let temp = false;
  for (const w of rest) {
    if (w === 'temp') temp = true;
    else if (w === 'pub' || w === 'netmask')
      throw new ToolExit(1, 'arp: proxy ARP entries are not simulated in this lab\n');
    else if (w !== 'trail' && w !== 'dontpub' && w !== 'auto') throw new ToolExit(255, USAGE);
  }
  const dev = arpDev(host, ip, o.dev, 'SIOCSARP');
  addNeigh(host, dev, ip, mac, temp ? 'STALE' : 'PERMANENT', true);
  return 0;
}

function del(host: Host, o: ArpOpts, args: string[]): number {
  const target = args[0];
  if (target === undefined) throw new ToolExit(255, USAGE);
  const ip = inetAton(target) ?? unknownHost(target);
  const dev = arpDev(host, ip, o.dev, 'SIOCDARP(dontpub)');
  if (delNeigh(host, dev, ip) === 'missing') throw new ToolExit(255, '', `No ARP entry for ${target}\n`);
  return 0;
}

interface ArpOpts {
  bsd: boolean;
  numeric: boolean;
  dev?: string;
}

export function arpCommand(host: Host, _net: Network): CommandImpl {
  return simple((ctx) =>
    guarded(ctx, () => {
      const r = getopt('arp', ctx.argv.slice(1), {
        short: 'A:H:adfp:nsei:t:vh?DNV',
        long: [
          { name: 'verbose', arg: 'none', key: 'v' },
          { name: 'version', arg: 'none', key: 'V' },
          { name: 'all', arg: 'none', key: 'a' },
          { name: 'delete', arg: 'none', key: 'd' },
          { name: 'file', arg: 'none', key: 'f' },
          { name: 'numeric', arg: 'none', key: 'n' },
          { name: 'set', arg: 'none', key: 's' },
          { name: 'protocol', arg: 'required', key: 'A' },
          { name: 'hw-type', arg: 'required', key: 'H' },
          { name: 'device', arg: 'required', key: 'i' },
          { name: 'help', arg: 'none', key: 'h' },
          { name: 'use-device', arg: 'none', key: 'D' },
          { name: 'symbolic', arg: 'none', key: 'N' },
        ],
      });
      if (!r.ok) throw new ToolExit(255, `${r.error}\n${USAGE}`);
      const o: ArpOpts = { bsd: false, numeric: false };
      let what = 0;
      for (const { key, value } of r.opts) {
        if (key === 'a') {
          what = 1;
          o.bsd = true;
        } else if (key === 'e') o.bsd = false;
        else if (key === 'd') what = 3;
        else if (key === 's') what = 4;
        else if (key === 'f') throw new ToolExit(1, 'arp: /etc/ethers files are not simulated in this lab\n');
        else if (key === 'n') o.numeric = true;
        else if (key === 'i' && value !== undefined) o.dev = value;
        else if ((key === 'H' || key === 't') && value !== 'ether')
          throw new ToolExit(255, `arp: ${value ?? ''}: unknown hardware type.\n`);
        else if ((key === 'A' || key === 'p') && value !== 'inet')
          throw new ToolExit(255, `arp: ${value ?? ''}: unknown address family.\n`);
        else if (key === 'V') throw new ToolExit(5, 'net-tools 2.10-alpha\n');
        else if (key === 'h' || key === '?') throw new ToolExit(255, USAGE);
      }
      if (what === 3) return del(host, o, r.args);
      if (what === 4) return set(host, o, r.args);
      return show(ctx, host, o, r.args[0]);
    }),
  );
}

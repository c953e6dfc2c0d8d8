/** ifconfig's display (net-tools 2.0 ife_print_long / ife_print_short), as CentOS 7 prints it. */
import { Host } from '../../../stack/host';
import type { IfAddr, Netdev } from '../../../stack/netdev';
import { shownBroadcast } from '../common/addrBroadcast';
import {
  devFlags,
  IFF_BROADCAST,
  IFF_LOOPBACK,
  IFF_MULTICAST,
  IFF_NOARP,
  IFF_RUNNING,
  IFF_UP,
  txQueueLen,
} from '../common/devInfo';
import { prefixMaskText } from '../common/inet';
import { cut, right } from '../common/text';

/** One interface as SIOCGIFCONF lists it: a device, or an alias label such as lo:1. */
export interface Iface {
  name: string;
  dev: Netdev;
  alias: boolean;
}

/** nstrcmp: names compared with digit runs as numbers (eth2 < eth10). */
export function nstrcmp(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i] ?? '';
    const y = tb[i] ?? '';
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return ta.length - tb.length;
}

/** Every device plus every alias label, sorted the way net-tools' interface list is. */
export function listIfaces(host: Host): Iface[] {
  const out: Iface[] = [...host.devices.values()].map((dev) => ({ name: dev.name, dev, alias: false }));
  for (const a of host.addrs) {
    const dev = host.devices.get(a.dev);
    if (dev && a.label !== a.dev && !out.some((i) => i.name === a.label))
      out.push({ name: a.label, dev, alias: true });
  }
  return out.sort((x, y) => nstrcmp(x.name, y.name));
}

/** SIOCGIFADDR on a label: the first address carrying exactly that label. */
export function labelAddr(host: Host, label: string): IfAddr | undefined {
  return host.addrs.find((a) => a.label === label && a.dev === Host.baseDev(label));
}

function flagsText(flags: number): string {
  const names: [number, string][] = [
    [IFF_UP, 'UP'],
    [IFF_BROADCAST, 'BROADCAST'],
    [IFF_LOOPBACK, 'LOOPBACK'],
    [IFF_RUNNING, 'RUNNING'],
    [IFF_NOARP, 'NOARP'],
    [IFF_MULTICAST, 'MULTICAST'],
  ];
  return `flags=${flags}<${names
    .filter(([b]) => flags & b)
    .map(([, n]) => n)
    .join(',')}>`;
}

/** print_bytes_scaled's "(1.5 KiB)". */
function scaled(n: number): string {
  const units: [number, string][] = [
    [1073741824, 'GiB'],
    [1048576, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, unit] of units) {
    if (n > size) {
      const tenths = Math.floor((n * 10) / size);
      return `${Math.floor(tenths / 10)}.${tenths % 10} ${unit}`;
    }
  }
  return `${n}.0 B`;
}

function hwLine(d: Netdev): string {
  const q = `  txqueuelen ${txQueueLen(d)}`;
  if (d.kind === 'loopback') return `        loop${q}  (Local Loopback)`;
  if (d.kind === 'ipip') return `        tunnel ${q}  (IPIP Tunnel)`;
  return `        ether ${d.mac}${q}  (Ethernet)`;
}

export function ifaceBlock(host: Host, i: Iface): string[] {
  const flags = devFlags(i.dev);
  const out = [`${i.name}: ${flagsText(flags)}  mtu ${i.dev.mtu}`];
  const a = labelAddr(host, i.name);
  if (a) {
    let s = `        inet ${a.ip}  netmask ${prefixMaskText(a.prefix)}`;
    if (flags & IFF_BROADCAST)
      s += `  broadcast ${shownBroadcast(a, i.dev.kind === 'loopback') ?? '0.0.0.0'}`;
    out.push(s);
  }
  out.push(hwLine(i.dev));
  if (!i.alias) {
    const c = i.dev.stats;
    out.push(`        RX packets ${c.rxPackets}  bytes ${c.rxBytes} (${scaled(c.rxBytes)})`);
    out.push('        RX errors 0  dropped 0  overruns 0  frame 0');
    out.push(`        TX packets ${c.txPackets}  bytes ${c.txBytes} (${scaled(c.txBytes)})`);
    out.push('        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0');
  }
  out.push('');
  return out;
}

export const SHORT_HEADER = 'Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg';

export function ifaceShort(host: Host, i: Iface): string {
  const flags = devFlags(i.dev);
  let s = `${cut(i.name, 8)} ${right(String(i.dev.mtu), 5)} `;
  if (i.alias) s += '     - no statistics available -'.padEnd(56);
  else {
    const c = i.dev.stats;
    s += `${right(String(c.rxPackets), 8)}      0      0 ${'0'.padEnd(6)} ${right(String(c.txPackets), 8)}      0      0      0 `;
  }
  const letters: [number, string][] = [
    [IFF_BROADCAST, 'B'],
    [IFF_LOOPBACK, 'L'],
    [IFF_MULTICAST, 'M'],
    [IFF_NOARP, 'O'],
    [IFF_RUNNING, 'R'],
    [IFF_UP, 'U'],
  ];
  return (
    s +
    letters
      .filter(([b]) => flags & b)
      .map(([, l]) => l)
      .join('')
  );
}

import type { Skb } from './skb';
import type { Rng } from '../core/rng';
import type { Sim } from '../core/sim';
import type { EthernetFrame, Ipv4, Mac } from '../packet/types';
import { broadcastOf, inSubnet, networkOf } from './addrMath';
import { addrEvent, linkEvent } from './hostEvents';
import { RecentLookups } from './recentLookups';
import { HookRegistry } from './netfilter';
import type { HookEntry, HookName } from './netfilter';
import type { AddrScope, IfAddr, Netdev, NetdevKind, TunnelParams } from './netdev';
import type { Ipvs } from '../ipvs/ipvs';
import type { HttpdUnit } from '../shell/tools/httpdService';
import type { SyncDaemons } from '../shell/tools/ipvsadm/daemon';
import type { Iptables } from '../netfilter/iptables/iptables';
import type { Keepalived } from '../keepalived/daemon';
import type { JournalEntry } from '../keepalived/syslog';
import type { ScriptRunner } from '../keepalived/scriptRunner';
import { SCOPE_RANK } from './netdev';
import { NeighTable } from './neighbour';
import { RouteTable } from './routeTable';
import type { Route } from './routeTable';
import { Sysctl } from './sysctl';
import { SnmpCounters } from './snmpCounters';
import type { Counter } from './snmpCounters';
import { SocketTable } from './socketTable';

/** What a host needs from the world around it: a way to put a frame on a segment. */
export interface Wire {
  /**
   * `fourFields`: the caller made `frame` as a fresh literal of exactly dst, src, ethertype and
   * payload, in that order (the stack's own frames), so the wire need not check its keys. `skb`:
   * the packet's (its id is the frame's packet's); the sender lets go of it here.
   */
  transmit(host: Host, dev: Netdev, frame: EthernetFrame, skb?: Skb, fourFields?: boolean): void;
  /** netif_rx on lo: the packet comes straight back in (the wire owns the receive path). */
  loopback(host: Host, skb: Skb): void;
}

export type { Counter } from './snmpCounters';

/**
 * One Linux host: devices, addresses, the local and main routing tables, the neighbour table,
 * sysctls, netfilter hooks, sockets and a small file system. Packet processing lives in the
 * ip*.ts / arp*.ts modules, which take the host as their first argument.
 */
export class Host {
  readonly devices = new Map<string, Netdev>();
  /** The last devices looked up by name (`device`); cleared when a device is added or removed. */
  private readonly recentDevices = new RecentLookups(this.devices);
  /** Addresses in kernel order per device (primaries by scope, then secondaries). */
  addrs: IfAddr[] = [];
  /**
   * Counts changes to `addrs` (routeOutput keeps its source-address choice while this stays put:
   * an address added on a device that is down changes the choice but no route).
   */
  addrsVersion = 0;
  readonly routes = new RouteTable();
  readonly sysctl: Sysctl;
  readonly hooks = new HookRegistry();
  readonly neigh: NeighTable;
  readonly sockets: SocketTable;
  readonly files = new Map<string, string>();
  /** Folders made with mkdir, and permission bits set with chmod (shell/hostFs.ts). */
  readonly dirs = new Set<string>();
  readonly modes = new Map<string, number>();
  /** Endpoints of named IPIP tunnels (ip tunnel / ip link add type ipip); tunl0 has none. */
  readonly tunnels = new Map<string, TunnelParams>();
  /** The ip_vs module's state once loaded (ipvs/ipvs.ts ipvsOf). */
  ipvs: Ipvs | undefined;
  /** ipvsadm's connection sync daemons (shell/tools/ipvsadm/daemon.ts). */
  readonly syncDaemons: SyncDaemons = {};
  /** httpd's systemd unit, made on first look (shell/tools/httpdService.ts). */
  httpdUnit: HttpdUnit | undefined;
  /** Installed yum packages, made on first look (shell/tools/yum.ts). */
  packages: Set<string> | undefined;
  /** iptables' tables and conntrack, made when iptables first runs (netfilter/iptables/iptables.ts). */
  iptables: Iptables | undefined;
  /** keepalived's service and its children, made on first look (keepalived/daemon.ts). */
  keepalived: Keepalived | undefined;
  /** The systemd journal (journalctl; keepalived/syslog.ts). */
  readonly journal: JournalEntry[] = [];
  /** How daemons run scripts in this host's shell (set by the lab runtime; keepalived/scriptRunner.ts). */
  scriptRunner: ScriptRunner | undefined;
  /** The SNMP counters, one slot each (snmpCounters.ts). Read through `counters`. */
  private readonly snmp = new SnmpCounters();

  /** Loaded kernel modules (`modprobe ipip` creates tunl0). */
  readonly modules = new Set<string>();
  private nextIfindex = 1;
  /** ICMP error rate limiting: token buckets by destination (icmpSend.ts). */
  readonly icmpBuckets = new Map<string, { tokens: number; at: number }>();
  /** Last IP id used by raw and ICMP sends (icmpSend.ts). */
  ipId: number | undefined;
  /**
   * Runs a CGI script through the host's shell (set by the lab runtime; httpd's ScriptAlias):
   * calls back with what the script printed once it exits, virtual time having passed.
   */
  cgi?: (script: string, done: (stdout: string) => void) => void;
  private tcpStream?: Rng;
  /** Raw sockets by IP protocol (a daemon's socket(AF_INET, SOCK_RAW, proto)): they get what no kernel handler takes. */
  readonly rawProtocols = new Map<number, (skb: Skb) => void>();
  /** Netlink link notifications (RTM_NEWLINK): called after a device goes up or down. */
  readonly linkListeners: ((dev: string, up: boolean) => void)[] = [];

  /** The host's stream for TCP initial sequence numbers and IP ids, in socket-creation order. */
  get tcpRng(): Rng {
    return (this.tcpStream ??= this.sim.rng.child(`tcp:${this.name}`));
  }

  constructor(
    readonly sim: Sim,
    readonly name: string,
    /** Position in the lab's host list (MACs are 52:54:00:00:HH:II). */
    readonly index: number,
    readonly wire: Wire,
    sysctlOverrides: Readonly<Record<string, number>> = {},
  ) {
    this.sysctl = new Sysctl(sysctlOverrides);
    this.neigh = new NeighTable(this);
    this.sockets = new SocketTable(this);
    this.traceChanges();
    this.addDevice('lo', 'loopback', '00:00:00:00:00:00');
    this.setLink('lo', true);
    this.addAddress('lo', '127.0.0.1', 8, 'host');
  }

  /** Write every route, sysctl and hook change to the trace (hostEvents.ts), whoever makes it. */
  private traceChanges(): void {
    const t = changeTracers(this.sim, this.name);
    this.routes.onChange = t.route;
    this.sysctl.onWrite = t.sysctl;
    this.hooks.onChange = t.hook;
  }

  /** The device named `name`: what `devices.get` answers, from a memo of the last four (the packet path's). */
  device(name: string): Netdev | undefined {
    return this.recentDevices.get(name);
  }

  count(c: Counter): void {
    this.snmp.count(c);
  }

  /** The counters counted so far (a counter never counted is absent, as nstat leaves it out). */
  get counters(): ReadonlyMap<Counter, number> {
    const m = new Map<Counter, number>();
    for (const [c, n] of Object.entries(this.snmp) as [Counter, number][]) if (n > 0) m.set(c, n);
    return m;
  }

  addDevice(name: string, kind: NetdevKind, mac: Mac, segment?: string): Netdev {
    const dev: Netdev = {
      name,
      index: this.nextIfindex++,
      kind,
      mac,
      mtu: kind === 'loopback' ? 65536 : kind === 'ipip' ? 1480 : 1500,
      up: false,
      stats: { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 },
    };
    if (segment !== undefined) dev.segment = segment;
    this.devices.set(name, dev);
    this.recentDevices.clear();
    this.sysctl.addDevice(name);
    this.sim.emit(linkEvent(this.name, 'add', dev));
    return dev;
  }

  /** `ip link set DEV mtu N`, `ifconfig DEV mtu N`. */
  setMtu(name: string, mtu: number): void {
    const dev = this.devices.get(name);
    if (!dev || dev.mtu === mtu) return;
    dev.mtu = mtu;
    this.sim.emit(linkEvent(this.name, 'set', dev));
  }

  /** `ip link del`: the device, its addresses, routes, neighbours and sysctl keys go. */
  removeDevice(name: string): boolean {
    const dev = this.devices.get(name);
    if (!dev || name === 'lo') return false;
    for (const a of this.addrsOf(name)) this.sim.emit(addrEvent(this.name, 'del', a));
    this.addrs = this.addrs.filter((a) => a.dev !== name);
    this.addrsVersion++;
    this.routes.remove((r) => r.dev === name);
    this.neigh.flushDev(name);
    this.devices.delete(name);
    this.recentDevices.clear();
    this.tunnels.delete(name);
    this.sysctl.removeDevice(name);
    this.sim.emit(linkEvent(this.name, 'del', dev));
    return true;
  }

  /** Base device of a label: `lo:1` → `lo`. */
  static baseDev(label: string): string {
    const i = label.indexOf(':');
    return i < 0 ? label : label.slice(0, i);
  }

  isLocalAddr(ip: Ipv4): boolean {
    return this.routes.lookup(ip)?.type === 'local';
  }

  addrsOf(dev: string): IfAddr[] {
    return this.addrs.filter((a) => a.dev === dev);
  }

  /** `ip addr add` (inet_insert_ifa + fib_add_ifaddr). Returns an error code on failure. */
  addAddress(label: string, ip: Ipv4, prefix: number, scope?: AddrScope): 'exists' | 'nodev' | undefined {
    const dev = Host.baseDev(label);
    if (!this.devices.has(dev)) return 'nodev';
    if (this.addrs.some((a) => a.dev === dev && a.ip === ip && a.prefix === prefix)) return 'exists';
    const sc: AddrScope = scope ?? (ip.startsWith('127.') ? 'host' : 'global');
    const secondary = this.addrs.some(
      (a) => a.dev === dev && !a.secondary && a.prefix === prefix && inSubnet(ip, a.ip, prefix),
    );
    const a: IfAddr = { ip, prefix, dev, label, scope: sc, secondary };
    if (prefix < 31) a.broadcast = broadcastOf(ip, prefix);
    // __inet_insert_ifa: a primary goes after the last primary of equal or wider scope.
    let at = this.addrs.length;
    if (!secondary) {
      let lastPrimary = -1;
      this.addrs.forEach((x, i) => {
        if (x.dev === dev && !x.secondary && SCOPE_RANK[sc] <= SCOPE_RANK[x.scope]) lastPrimary = i;
      });
      const firstOfDev = this.addrs.findIndex((x) => x.dev === dev);
      at = lastPrimary >= 0 ? lastPrimary + 1 : firstOfDev >= 0 ? firstOfDev : this.addrs.length;
    }
    this.addrs.splice(at, 0, a);
    this.addrsVersion++;
    this.sim.emit(addrEvent(this.name, 'add', a));
    if (this.devices.get(dev)!.up) this.addAddrRoutes(a);
    return undefined;
  }

  delAddress(dev: string, ip: Ipv4, prefix?: number): IfAddr | undefined {
    const i = this.addrs.findIndex(
      (a) => a.dev === dev && a.ip === ip && (prefix === undefined || a.prefix === prefix),
    );
    if (i < 0) return undefined;
    const [a] = this.addrs.splice(i, 1);
    this.addrsVersion++;
    this.sim.emit(addrEvent(this.name, 'del', a!));
    this.delAddrRoutes(a!);
    // fib_inetaddr_event: the device's last address gone disables IP on it; its routes go too.
    if (!this.addrs.some((x) => x.dev === dev)) this.routes.remove((r) => r.dev === dev);
    return a;
  }

  /** fib_add_ifaddr: the local route, broadcasts, and the prefix route of a primary address. */
  private addAddrRoutes(a: IfAddr): void {
    const loop = this.devices.get(a.dev)?.kind === 'loopback';
    this.routes.add(kernelRoute('local', a, 'local', a.ip, 32, 'host'));
    if (a.secondary || a.prefix >= 32) return;
    const net = networkOf(a.ip, a.prefix);
    if (loop) this.routes.add(kernelRoute('local', a, 'local', net, a.prefix, 'host'));
    else this.routes.add(kernelRoute('main', a, 'unicast', net, a.prefix, 'link'));
    if (a.prefix < 31) {
      this.routes.add(kernelRoute('local', a, 'broadcast', net, 32, 'link'));
      this.routes.add(kernelRoute('local', a, 'broadcast', broadcastOf(a.ip, a.prefix), 32, 'link'));
    }
  }

  private delAddrRoutes(a: IfAddr): void {
    const stillLocal = this.addrs.some((x) => x.ip === a.ip);
    this.routes.remove(
      (r) => r.src === a.ip && r.proto === 'kernel' && r.dev === a.dev && (!stillLocal || r.type !== 'local'),
    );
    // fib_del_ifaddr: a primary's prefix route goes with it (promote_secondaries is off).
    if (!a.secondary) {
      const net = networkOf(a.ip, a.prefix);
      this.routes.remove(
        (r) => r.proto === 'kernel' && r.dev === a.dev && r.dst === net && r.prefix === a.prefix,
      );
      const isSecondary = (x: IfAddr) =>
        x.dev === a.dev && x.secondary && x.prefix === a.prefix && inSubnet(x.ip, a.ip, a.prefix);
      for (const x of this.addrs) if (isSecondary(x)) this.sim.emit(addrEvent(this.name, 'del', x));
      this.addrs = this.addrs.filter((x) => !isSecondary(x));
      this.addrsVersion++;
    }
  }

  /** `ip link set DEV up|down`. Down flushes every route through the device, static ones included. */
  setLink(name: string, up: boolean): boolean {
    const dev = this.devices.get(name);
    if (!dev) return false;
    if (dev.up === up) return true;
    dev.up = up;
    this.sim.emit(linkEvent(this.name, 'set', dev));
    if (up) for (const a of this.addrsOf(name)) this.addAddrRoutes(a);
    else {
      this.routes.remove((r) => r.dev === name);
      this.neigh.flushDev(name);
    }
    for (const l of [...this.linkListeners]) l(name, up);
    return true;
  }

  /** IP_ADD_MEMBERSHIP / IP_DROP_MEMBERSHIP on a device. */
  joinGroup(devName: string, group: Ipv4, join: boolean): void {
    const dev = this.devices.get(devName);
    if (!dev) return;
    const groups = (dev.mcGroups ??= new Map());
    const n = (groups.get(group) ?? 0) + (join ? 1 : -1);
    if (n > 0) groups.set(group, n);
    else groups.delete(group);
  }

  addRoute(r: Route): 'exists' | 'nodev' | 'unreachable-gw' | undefined {
    const dev = this.devices.get(r.dev);
    if (!dev || !dev.up) return 'nodev';
    return this.routes.add(r);
  }

  /** inet_select_addr(dev, dst, scope): the source address Linux picks (docs/linux-behaviour.md A3 level 2). */
  selectAddr(dev: string, dst: Ipv4 | undefined, scope: AddrScope): Ipv4 | undefined {
    const max = SCOPE_RANK[scope];
    let addr: Ipv4 | undefined;
    // The device's addresses in place, in order (addrsOf would build a list: this runs per packet).
    for (const a of this.addrs) {
      if (a.dev !== dev || a.secondary || SCOPE_RANK[a.scope] > max) continue;
      if (dst === undefined || inSubnet(dst, a.ip, a.prefix)) return a.ip;
      addr ??= a.ip;
    }
    if (addr !== undefined) return addr;
    // in_dev_select_addr over every device, lo first: not link scope, within `scope`.
    for (const d of this.devices.values()) {
      for (const a of this.addrsOf(d.name)) {
        if (!a.secondary && a.scope !== 'link' && SCOPE_RANK[a.scope] <= max) return a.ip;
      }
    }
    return undefined;
  }

  file(path: string): string | undefined {
    return this.files.get(path);
  }
}

/** A route the kernel adds for an address, as one literal (its key order is the trace's). */
function kernelRoute(
  table: Route['table'],
  a: IfAddr,
  type: Route['type'],
  dst: Ipv4,
  prefix: number,
  scope: Route['scope'],
): Route {
  return { table, dev: a.dev, src: a.ip, proto: 'kernel', metric: 0, type, dst, prefix, scope };
}

/**
 * The trace writers traceChanges installs, made here and not where they are stored: V8 (node 20)
 * allocates a function literal assigned straight to a property in old space, where it keeps the
 * whole host and lab alive through young-generation GCs (docs/architecture.md).
 */
function changeTracers(sim: Sim, host: string) {
  return {
    route: (op: 'add' | 'del', r: Route) => sim.emit({ kind: 'net.route', host, op, route: { ...r } }),
    sysctl: (name: string, old: number, value: number, propagated: Record<string, number>) =>
      sim.emit({
        kind: 'sysctl.set',
        host,
        name,
        old,
        value,
        ...(Object.keys(propagated).length > 0 ? { propagated } : {}),
      }),
    hook: (op: 'add' | 'del', hook: HookName, e: HookEntry) =>
      sim.emit({ kind: 'hook.register', host, op, hook, name: e.name, priority: e.priority }),
  };
}

/**
 * The kernel's own change notifications (what rtnetlink would tell `ip monitor`): every link,
 * address, route, sysctl and netfilter hook change on a host, whoever made it (a command, the
 * lab's topology, a side effect such as a link going down). The command-level events
 * (addr.add, route.add, ...) say what a tool did; these keep the trace complete, so host state
 * at any trace position is a fold over them (fold/hostState.ts).
 */
import type { HookName } from './netfilter';
import type { IfAddr, Netdev, NetdevKind } from './netdev';
import type { Route } from './routeTable';

/** A device appeared, went, or changed (up/down, MTU): its state after the change. */
export interface NetLinkEvent {
  kind: 'net.link';
  host: string;
  op: 'add' | 'del' | 'set';
  dev: string;
  devKind: NetdevKind;
  mac: string;
  mtu: number;
  up: boolean;
}

/** An address was added to or removed from a device. */
export interface NetAddrEvent {
  kind: 'net.addr';
  host: string;
  op: 'add' | 'del';
  dev: string;
  label: string;
  /** `ip/prefix`. */
  addr: string;
  scope: IfAddr['scope'];
  secondary: boolean;
}

/** A route entered or left the local or main table (a copy of the route). */
export interface NetRouteEvent {
  kind: 'net.route';
  host: string;
  op: 'add' | 'del';
  route: Route;
}

/** A sysctl was written: its old and new value, and other keys the write changed (ip_forward, conf.default). */
export interface SysctlSetEvent {
  kind: 'sysctl.set';
  host: string;
  name: string;
  old: number;
  value: number;
  propagated?: Record<string, number>;
}

/** A netfilter hook function was registered or unregistered at a hook point. */
export interface HookRegisterEvent {
  kind: 'hook.register';
  host: string;
  op: 'add' | 'del';
  hook: HookName;
  name: string;
  priority: number;
}

export function linkEvent(host: string, op: NetLinkEvent['op'], d: Netdev): NetLinkEvent {
  return { kind: 'net.link', host, op, dev: d.name, devKind: d.kind, mac: d.mac, mtu: d.mtu, up: d.up };
}

export function addrEvent(host: string, op: NetAddrEvent['op'], a: IfAddr): NetAddrEvent {
  return {
    kind: 'net.addr',
    host,
    op,
    dev: a.dev,
    label: a.label,
    addr: `${a.ip}/${a.prefix}`,
    scope: a.scope,
    secondary: a.secondary,
  };
}

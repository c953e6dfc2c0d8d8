/** Trace events of the VRRP child, declared next to the code that emits them. */
import type { Ipv4 } from '../../packet/types';

export type VrrpStateName = 'INIT' | 'BACKUP' | 'MASTER' | 'FAULT';

/** An instance changed state (the log's Transition/Entering lines). */
export interface VrrpStateEvent {
  kind: 'vrrp.state';
  host: string;
  instance: string;
  vrid: number;
  from: VrrpStateName;
  to: VrrpStateName;
  priority: number;
  /** What caused it: 'startup', 'master-down', 'priority-0', 'higher-priority', 'fault', 'recovered', 'stop'. */
  cause: string;
}

/** An advertisement this host sent. */
export interface VrrpAdvertEvent {
  kind: 'vrrp.advert';
  host: string;
  instance: string;
  vrid: number;
  priority: number;
  src: Ipv4;
  pkt: string;
}

/** A received advert the instance rejected (the `bogus VRRP packet` family). */
export interface VrrpRejectEvent {
  kind: 'vrrp.reject';
  host: string;
  instance: string;
  vrid: number;
  src: Ipv4;
  reason: string;
}

/** One gratuitous ARP for a VIP. */
export interface VrrpGarpEvent {
  kind: 'vrrp.garp';
  host: string;
  instance: string;
  vip: Ipv4;
  dev: string;
}

/** The VIPs went on or off the interface. */
export interface VrrpVipEvent {
  kind: 'vrrp.vip';
  host: string;
  instance: string;
  action: 'add' | 'remove';
  vips: Ipv4[];
  dev: string;
}

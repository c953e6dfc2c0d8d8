import type { Ipv4, Mac } from '../packet/types';

/** Interface kinds the labs need: Ethernet NICs, loopback and the IPIP fallback device tunl0. */
export type NetdevKind = 'ether' | 'loopback' | 'ipip';

export interface Netdev {
  name: string;
  /** ifindex: lo = 1, then in creation order. */
  index: number;
  kind: NetdevKind;
  mac: Mac;
  mtu: number;
  up: boolean;
  /** The L2 segment an Ethernet device is plugged into. */
  segment?: string;
  /** Line rate, Mbit/s (linkQueue.ts DEFAULT_SPEED_MBPS when unset). */
  speedMbps?: number;
  /** The transmit queue's limit in frames, once `ip link set … txqueuelen` changed it. */
  txqueuelen?: number;
  /** IPv4 multicast groups joined on the device (IP_ADD_MEMBERSHIP), with their member count. */
  mcGroups?: Map<Ipv4, number>;
  /** What ifconfig and /proc/net/dev count (struct net_device's stats): kept by the device. */
  readonly stats: DevStats;
}

/**
 * A device's packet counters: every frame it put on the wire (bytes as built, no padding), every
 * frame it accepted (bytes as they arrive, padded to 60), and for tunl0 every packet it unwrapped
 * (the inner packet). A new device starts from zero, as a new net_device does.
 */
export interface DevStats {
  rxPackets: number;
  rxBytes: number;
  txPackets: number;
  txBytes: number;
}

/** An IPIP tunnel's endpoints and TTL (0: inherit), as `ip tunnel show` prints them. */
export interface TunnelParams {
  local: string;
  remote: string;
  ttl: number;
}

/** RT_SCOPE_* as `ip addr` prints them. */
export type AddrScope = 'global' | 'link' | 'host';

export const SCOPE_RANK: Readonly<Record<AddrScope, number>> = { global: 0, link: 253, host: 254 };

export interface IfAddr {
  ip: Ipv4;
  prefix: number;
  dev: string;
  /** `lo:1` style label (ifconfig aliases); equals dev when none. */
  label: string;
  scope: AddrScope;
  /** A second address in a prefix the device already holds (ip addr: "secondary"). */
  secondary: boolean;
  /** Broadcast address, when the prefix has one. */
  broadcast?: Ipv4;
  /** The broadcast the address shows (IFA_BROADCAST) when a tool set it; null: none shown. */
  shownBroadcast?: Ipv4 | null;
}

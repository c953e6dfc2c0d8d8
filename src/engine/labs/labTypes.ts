import type { Ipv4 } from '../packet/types';

/** The address roles the seed article names; views label interfaces with them. */
export type AddrRole = 'CIP' | 'DIP' | 'VIP' | 'RIP';
export type HostRole = 'client' | 'router' | 'director' | 'rs';
export type LabId = 'nat' | 'dr' | 'tun' | 'ha';

export interface LabIface {
  dev: string;
  addr: Ipv4;
  prefix: number;
  segment: string;
  role?: AddrRole;
}

export interface LabHost {
  name: string;
  role: HostRole;
  ifaces: LabIface[];
  defaultVia?: Ipv4;
  /** Port httpd listens on (real servers). */
  httpd?: number;
  /** Packages installed beyond the base set (the ha lab's directors have keepalived). */
  packages?: readonly 'keepalived'[];
  /** sysctl values this host starts with beyond the common defaults. */
  sysctl?: Readonly<Record<string, number>>;
}

/** One step of a configured state: a command typed on a host, exactly as a student would. */
export interface LabStep {
  host: string;
  command: string;
}

/** A lab is data (docs/linux-behaviour.md, "The labs"): topology, the bare state's defaults, and the configured steps. */
export interface LabDefinition {
  id: LabId;
  segments: { name: string; subnet: string }[];
  hosts: LabHost[];
  vip: Ipv4;
  /** The virtual service port and the real servers' port. */
  vport: number;
  rport: number;
  /** Commands that turn the bare state into the configured one, in order. */
  configure: LabStep[];
}

/** Every host's kernel defaults (docs/linux-behaviour.md, "The labs"): CentOS 7 with rp_filter 1 on devices. */
export const HOST_DEFAULT_SYSCTL: Readonly<Record<string, number>> = {
  'net.ipv4.conf.default.rp_filter': 1,
};

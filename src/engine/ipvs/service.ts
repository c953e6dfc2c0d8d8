import type { Ipv4 } from '../packet/types';
import type { IpvsStats } from './stats';
import type { Dest, FwdMethod, SchedFlags, Scheduler } from './types';

export type IpvsProtocol = 'tcp' | 'udp' | 'sctp';

/** How ipvsadm names a virtual service: `-t addr:port`, `-u addr:port` or `-f mark`. */
export type ServiceKey =
  { kind: 'addr'; protocol: IpvsProtocol; addr: Ipv4; port: number } | { kind: 'fwmark'; fwmark: number };

/** A real server plus what the kernel keeps beside the scheduler's view. */
export interface IpvsDest extends Dest {
  stats: IpvsStats;
  /** Tunnel type for -i (ipip, gue, gre). */
  tunType: 'ipip' | 'gue' | 'gre';
  tunPort: number;
  tunFlags: 'nocsum' | 'csum' | 'remcsum';
}

/** A virtual service (struct ip_vs_service). `dests` is the kernel list: head = most recently added. */
export interface IpvsService {
  key: ServiceKey;
  /** 'tcp' | 'udp' | 'sctp', or 'fwmark' (which ipvs treats as TCP internally). */
  protocol: IpvsProtocol | 'fwmark';
  scheduler: Scheduler;
  schedState: unknown;
  flags: SchedFlags;
  /** Persistence timeout in seconds, 0 = not persistent. */
  persistent: number;
  netmask: Ipv4;
  pe: string;
  ops: boolean;
  dests: IpvsDest[];
  stats: IpvsStats;
}

export interface ServiceOptions {
  scheduler: string;
  persistent: number;
  netmask: Ipv4;
  pe: string;
  ops: boolean;
  flags: SchedFlags;
}

export interface DestOptions {
  addr: Ipv4;
  port: number;
  fwd: FwdMethod;
  weight: number;
  uThreshold: number;
  lThreshold: number;
  tunType: 'ipip' | 'gue' | 'gre';
  tunPort: number;
  tunFlags: 'nocsum' | 'csum' | 'remcsum';
}

export function serviceKeyString(k: ServiceKey): string {
  return k.kind === 'fwmark' ? `FWM ${k.fwmark}` : `${k.protocol.toUpperCase()} ${k.addr}:${k.port}`;
}

export function sameKey(a: ServiceKey, b: ServiceKey): boolean {
  if (a.kind === 'fwmark' || b.kind === 'fwmark')
    return a.kind === b.kind && a.kind === 'fwmark' && b.kind === 'fwmark' && a.fwmark === b.fwmark;
  return a.protocol === b.protocol && a.addr === b.addr && a.port === b.port;
}

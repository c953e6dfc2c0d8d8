/**
 * What one ipvsadm invocation asks for (ipvsadm.c's struct ipvs_command_entry plus the option
 * bits and print format), filled option by option as the command line is read.
 */
import type { CmdName, OptName, TunType } from './legality';
import type { NetProto } from './netdb';

export type AddrFamily = 'inet' | 'inet6';

export interface SvcSpec {
  af: AddrFamily;
  /** undefined = IPPROTO_IP, until -t/-u/--sctp-service/-f sets it (-f sets tcp). */
  protocol: NetProto | undefined;
  /** IPv4 address as an unsigned 32-bit number (0 for IPv6, which the lab kernel rejects). */
  addr: number;
  port: number;
  fwmark: number;
  sched: string;
  persistent: boolean;
  onePacket: boolean;
  timeout: number;
  /** IPv4: the mask as an unsigned 32-bit number; IPv6: the prefix length. */
  netmask: number;
  pe: string;
  schedFlags: { flag1: boolean; flag2: boolean; flag3: boolean };
}

export type Fwd = 'masq' | 'route' | 'tunnel';

export interface DestSpec {
  af: AddrFamily;
  addr: number;
  port: number;
  fwd: Fwd;
  weight: number;
  uThreshold: number;
  lThreshold: number;
  tunType: TunType;
  tunPort: number;
  /** IP_VS_TUNNEL_ENCAP_FLAG_*: 0 nocsum, 1 csum, 2 remcsum (ORed as given). */
  tunFlags: number;
}

export interface DaemonSpec {
  state: 'master' | 'backup';
  ifn: string;
  syncid: number;
  maxlen: number;
  group: { af: AddrFamily; text: string } | undefined;
  port: number;
  ttl: number;
}

export interface Format {
  numeric: boolean;
  rule: boolean;
  stats: boolean;
  rate: boolean;
  thresholds: boolean;
  persistentConn: boolean;
  nosort: boolean;
  exact: boolean;
  tunInfo: boolean;
}

export interface CommandEntry {
  cmd: CmdName | undefined;
  svc: SvcSpec;
  dest: DestSpec;
  timeouts: { tcp: number; tcpfin: number; udp: number };
  daemon: DaemonSpec;
  options: Set<OptName>;
  format: Format;
}

export const noFormat = (): Format => ({
  numeric: false,
  rule: false,
  stats: false,
  rate: false,
  thresholds: false,
  persistentConn: false,
  nosort: false,
  exact: false,
  tunInfo: false,
});

/** process_options' starting point: weight 1, DR, ipip, /32 persistence mask. */
export function newEntry(): CommandEntry {
  return {
    cmd: undefined,
    svc: {
      af: 'inet',
      protocol: undefined,
      addr: 0,
      port: 0,
      fwmark: 0,
      sched: '',
      persistent: false,
      onePacket: false,
      timeout: 0,
      netmask: 0xffffffff,
      pe: '',
      schedFlags: { flag1: false, flag2: false, flag3: false },
    },
    dest: {
      af: 'inet',
      addr: 0,
      port: 0,
      fwd: 'route',
      weight: 1,
      uThreshold: 0,
      lThreshold: 0,
      tunType: 'ipip',
      tunPort: 0,
      tunFlags: 0,
    },
    timeouts: { tcp: 0, tcpfin: 0, udp: 0 },
    daemon: { state: 'master', ifn: '', syncid: 0, maxlen: 0, group: undefined, port: 0, ttl: 0 },
    options: new Set(),
    format: noFormat(),
  };
}

import type { QueuedEvent } from '../core/eventQueue';
import type { Ipv4 } from '../packet/types';
import type { IpvsDest, IpvsService } from './service';
import type { IpvsConnState } from './tcpStates';
import type { FwdMethod } from './types';

/** A connection entry (struct ip_vs_conn), or a persistence template when `template` is set. */
export interface IpvsConn {
  id: string;
  /** 'TCP' | 'UDP' | 'SCTP'; templates of fwmark services use 'IP'. */
  proto: 'TCP' | 'UDP' | 'SCTP' | 'IP';
  caddr: Ipv4;
  cport: number;
  vaddr: Ipv4;
  vport: number;
  daddr: Ipv4;
  dport: number;
  dest: IpvsDest;
  svc: IpvsService;
  fwd: FwdMethod;
  state: IpvsConnState;
  /** IP_VS_CONN_F_INACTIVE: counted in inactconns. */
  inactive: boolean;
  /** IP_VS_CONN_F_NOOUTPUT: the director has not seen a reply (DR/TUN never will). */
  noOutput: boolean;
  template: boolean;
  /** One-packet scheduling: expire right after the packet. */
  onePacket: boolean;
  /** Current state's timeout, µs. */
  timeoutUs: number;
  /** Absolute virtual time the entry expires. */
  expires: number;
  /** The template this connection was created under (persistence). */
  control: IpvsConn | undefined;
  /** How many connections this template controls. */
  nControl: number;
  /** Newer kernels: a template is ASSURED once a child gets an answer. */
  assured: boolean;
  timer?: QueuedEvent | undefined;
  /** Position in the hash table, for `-lnc`'s kernel order. */
  bucket: number;
  created: number;
}

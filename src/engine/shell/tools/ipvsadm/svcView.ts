/**
 * A service and its real servers as the kernel reports them to ipvsadm over netlink
 * (ipvs_service_entry_t / ipvs_dest_entry_t): plain values the list and save formats print.
 */
import type { IpvsDest, IpvsService } from '../../../ipvs/service';
import type { IpvsStats } from '../../../ipvs/stats';
import type { FwdMethod } from '../../../ipvs/types';
import type { NetProto } from './netdb';
import type { SchedFlags } from './schedFlags';
import type { SvcSortKey } from './sort';

export interface DestView {
  addr: string;
  port: number;
  fwd: FwdMethod;
  weight: number;
  uThreshold: number;
  lThreshold: number;
  activeconns: number;
  inactconns: number;
  persistconns: number;
  tunType: 'ipip' | 'gue' | 'gre';
  tunPort: number;
  /** 0 nocsum, 1 csum, 2 remcsum: the index ipvsadm's tunflags tables use. */
  tunFlags: number;
  stats: IpvsStats;
}

export interface SvcView extends SvcSortKey {
  /** For port names; undefined for a fwmark service, whose protocol the kernel does not report. */
  proto: NetProto | undefined;
  sched: string;
  flags: SchedFlags;
  persistent: boolean;
  timeout: number;
  netmask: string;
  pe: string;
  ops: boolean;
  stats: IpvsStats;
  /** Kernel list order: most recently added first. */
  dests: DestView[];
}

const PROTO_NUMBER: Record<NetProto, number> = { tcp: 6, udp: 17, sctp: 132 };
const TUN_FLAG_INDEX = { nocsum: 0, csum: 1, remcsum: 2 } as const;

export function destView(d: IpvsDest): DestView {
  return {
    addr: d.addr,
    port: d.port,
    fwd: d.fwd,
    weight: d.weight,
    uThreshold: d.uThreshold,
    lThreshold: d.lThreshold,
    activeconns: d.activeconns,
    inactconns: d.inactconns,
    persistconns: d.persistconns,
    tunType: d.tunType,
    tunPort: d.tunPort,
    tunFlags: TUN_FLAG_INDEX[d.tunFlags],
    stats: d.stats,
  };
}

export function svcView(s: IpvsService): SvcView {
  const k = s.key;
  const base =
    k.kind === 'fwmark'
      ? { fwmark: k.fwmark, protocol: 0, addr: '0.0.0.0', port: 0, proto: undefined }
      : { fwmark: 0, protocol: PROTO_NUMBER[k.protocol], addr: k.addr, port: k.port, proto: k.protocol };
  return {
    ...base,
    sched: s.scheduler.name,
    flags: { ...s.flags },
    persistent: s.persistent > 0,
    timeout: s.persistent,
    netmask: s.netmask,
    pe: s.pe,
    ops: s.ops,
    stats: s.stats,
    dests: s.dests.map(destView),
  };
}

import type { Rng } from '../core/rng';
import type { Ipv4 } from '../packet/types';

/** Forwarding method, as ipvsadm -L prints it: Masq (-m), Route (-g), Tunnel (-i), Local. */
export type FwdMethod = 'masq' | 'route' | 'tunnel' | 'local';

/** A real server (kernel: struct ip_vs_dest). Mutable engine state, owned by its service. */
export interface Dest {
  /** `ip:port`, unique inside a service. */
  key: string;
  addr: Ipv4;
  port: number;
  fwd: FwdMethod;
  weight: number;
  /** Latest non-zero weight (mh keeps a quiesced dest's slots). */
  lastWeight: number;
  uThreshold: number;
  lThreshold: number;
  activeconns: number;
  inactconns: number;
  persistconns: number;
  /** IP_VS_DEST_F_AVAILABLE: linked to a service (cleared when deleted / in the trash). */
  available: boolean;
  /** IP_VS_DEST_F_OVERLOAD: set and cleared by the thresholds. */
  overloaded: boolean;
}

/** Scheduler flags as -b spells them. flag-1 = sh-fallback/mh-fallback, flag-2 = sh-port/mh-port. */
export interface SchedFlags {
  flag1: boolean;
  flag2: boolean;
  flag3: boolean;
}

/** What a scheduler may read of the virtual service. `dests` is in kernel list order (head first). */
export interface SchedService {
  readonly dests: readonly Dest[];
  readonly flags: SchedFlags;
  readonly protocol: 'tcp' | 'udp' | 'sctp' | 'fwmark';
}

/** The packet fields schedulers hash on. */
export interface SchedPacket {
  saddr: Ipv4;
  sport: number;
  daddr: Ipv4;
  dport: number;
}

export interface SchedContext {
  /** Virtual time, microseconds (lblc/lblcr cache ages). */
  now: number;
  /** The scheduler's own seeded stream (twos). */
  rng: Rng;
  /** net.ipv4.vs.lblc_expiration / lblcr_expiration, seconds. */
  lblcExpiration: number;
  lblcrExpiration: number;
  /** When true, fill `explanation`; when false (the kernel's own hot path) skip all of it. */
  explain: boolean;
  /**
   * With `explain`: record the counters compared and derive the candidate list only when it is
   * read (the engine's real path, where most explanations are never looked at).
   */
  lazyExplain?: boolean;
}

/** One candidate as the scheduler saw it, in list order. */
export interface Candidate {
  dest: string;
  weight: number;
  active: number;
  inactive: number;
  overloaded: boolean;
  /** Could the scheduler pick it at all (weight > 0, not overloaded, …)? */
  eligible: boolean;
  /** The quantity compared: 256·active+inactive, active+1, a hash bucket, … (scheduler-specific). */
  cost?: number;
}

/**
 * Why the winner won, in stable plain data a view turns into words in either language.
 * `rule` is a stable code such as 'rr.next', 'wrr.weight-ge-cw', 'wlc.least-weighted-cost',
 * 'nq.first-idle', 'sh.bucket', 'lblc.cache-hit', 'none.no-eligible'.
 */
export interface Explanation {
  scheduler: string;
  candidates: Candidate[];
  winner: string | null;
  rule: string;
  params: Record<string, number | string | boolean>;
}

export interface ScheduleResult {
  dest: Dest | undefined;
  explanation?: Explanation;
}

/**
 * A scheduler module (kernel: struct ip_vs_scheduler). `createState` runs on -A or on -E that
 * switches to it; `update` on every add/edit/delete of a dest (kernel add_dest/upd_dest/del_dest
 * collapse to "the list changed" for every scheduler that cares); `schedule` picks a dest.
 */
export interface Scheduler<S = unknown> {
  readonly name: string;
  createState(svc: SchedService): S;
  update(state: S, svc: SchedService, change: DestChange): void;
  schedule(state: S, svc: SchedService, pkt: SchedPacket, ctx: SchedContext): ScheduleResult;
}

export interface DestChange {
  kind: 'add' | 'edit' | 'delete';
  dest: Dest;
  /** For 'delete': the index the dest had in the list before removal. */
  index?: number;
}

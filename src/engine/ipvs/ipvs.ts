import { SEC } from '../core/sim';
import type { Rng } from '../core/rng';
import type { Host } from '../stack/host';
import { RecentLookups } from '../stack/recentLookups';
import type { IpvsConn } from './conn';
import { ConnTable } from './connTable';
import { registerIpvsHooks } from './hooks';
import type { IpvsDest, IpvsService, ServiceKey } from './service';
import { sameKey } from './service';
import { estimatorTick, newStats } from './stats';
import type { IpvsStats } from './stats';
import { defaultTimeouts, timeoutSeconds } from './tcpStates';
import type { IpvsConnState, IpvsTcpState } from './tcpStates';

/** The ip_vs module was loaded on the host (first use by ipvsadm or modprobe). */
export interface IpvsModuleEvent {
  kind: 'ipvs.module';
  host: string;
  event: 'loaded';
}

/** A connection entry (or template) timed out or was removed. */
export interface IpvsConnExpiredEvent {
  kind: 'ipvs.conn';
  host: string;
  conn: string;
  event: 'expired';
  state: IpvsConnState;
  template: boolean;
  dest: string;
}

/** A real server crossed its upper (or back under its lower) connection threshold. */
export interface IpvsOverloadEvent {
  kind: 'ipvs.overload';
  host: string;
  dest: string;
  overloaded: boolean;
  total: number;
  /** The dest's upper (-x) and lower (-y) connection thresholds at the time. */
  upper: number;
  lower: number;
}

/** net.ipv4.vs.* sysctls with their defaults and ranges (the kernel's ipvs-sysctl documentation). */
export const IPVS_SYSCTLS: readonly [string, number, number, number][] = [
  ['am_droprate', 10, 0, 2147483647],
  ['amemthresh', 1024, 0, 2147483647],
  ['backup_only', 0, 0, 1],
  ['cache_bypass', 0, 0, 1],
  ['conn_reuse_mode', 1, 0, 2],
  ['conntrack', 0, 0, 1],
  ['drop_entry', 0, 0, 3],
  ['drop_packet', 0, 0, 3],
  ['expire_nodest_conn', 0, 0, 1],
  ['expire_quiescent_template', 0, 0, 1],
  ['lblc_expiration', 86400, 0, 2147483647],
  ['lblcr_expiration', 86400, 0, 2147483647],
  ['nat_icmp_send', 0, 0, 1],
  ['pmtu_disc', 1, 0, 1],
  ['secure_tcp', 0, 0, 3],
  ['sloppy_tcp', 0, 0, 1],
  ['snat_reroute', 1, 0, 1],
];

/** The IPVS instance of a host, created (module loaded) on first use, as ipvsadm's modprobe does. */
export function ipvsOf(host: Host): Ipvs {
  return (host.ipvs ??= new Ipvs(host));
}

export function ipvsLoaded(host: Host): Ipvs | undefined {
  return host.ipvs;
}

/** Full sysctl keys by short name, built once (the packet path asks per packet); a memo. */
const vsKeys = new Map<string, string>();

/**
 * IPVS on one host: the virtual services with their real servers, the trash of deleted
 * real servers, the connection table, timeouts, sysctls, statistics and the rate estimator.
 */
export class Ipvs {
  readonly services: IpvsService[] = [];
  readonly trash: { svc: IpvsService; dest: IpvsDest }[] = [];
  readonly conns: ConnTable;
  readonly stats: IpvsStats = newStats();
  readonly timeouts: Record<IpvsTcpState | 'UDP', number>;
  readonly rng: Rng;
  private hooked = false;
  private estimating = false;
  /** net.ipv4.vs.* values by short name (`sysctl`), and the sysctl version they were read at. */
  private readonly knobs = new RecentLookups<string, number>({ get: (name) => this.readSysctl(name) }, 8);
  private knobsAt = -1;

  constructor(readonly host: Host) {
    host.modules.add('ip_vs');
    for (const [k, v, min, max] of IPVS_SYSCTLS) host.sysctl.define(`net.ipv4.vs.${k}`, v, min, max);
    this.timeouts = defaultTimeouts();
    this.conns = new ConnTable(host, (c) => this.expire(c));
    this.rng = host.sim.rng.child(`ipvs:${host.name}`);
    host.sim.emit({ kind: 'ipvs.module', host: host.name, event: 'loaded' });
  }

  /**
   * net.ipv4.vs.<name>. The packet path reads up to five per packet: values are kept by short
   * name while the host's sysctls are unchanged (their version), and compared, not hashed.
   */
  sysctl(name: string): number {
    const version = this.host.sysctl.version;
    if (version !== this.knobsAt) {
      this.knobs.clear();
      this.knobsAt = version;
    }
    return this.knobs.get(name)!;
  }

  private readSysctl(name: string): number {
    let key = vsKeys.get(name);
    if (key === undefined) vsKeys.set(name, (key = `net.ipv4.vs.${name}`));
    return this.host.sysctl.get(key) ?? 0;
  }

  findService(key: ServiceKey): IpvsService | undefined {
    return this.services.find((s) => sameKey(s.key, key));
  }

  /**
   * ip_vs_service_find for a packet: a fwmark service for skb->mark first, then
   * <proto, vip, vport>, then a port-0 (persistent) service.
   */
  serviceFor(protocol: 'tcp' | 'udp', addr: string, port: number, mark = 0): IpvsService | undefined {
    if (mark !== 0) {
      const fw = this.services.find((s) => s.key.kind === 'fwmark' && s.key.fwmark === mark);
      if (fw) return fw;
    }
    let port0: IpvsService | undefined;
    for (const s of this.services) {
      if (s.key.kind !== 'addr' || s.key.protocol !== protocol || s.key.addr !== addr) continue;
      if (s.key.port === port) return s;
      if (s.key.port === 0) port0 = s;
    }
    return port0;
  }

  /** Hooks are registered when the first service appears (recent kernels). */
  ensureHooks(): void {
    if (this.hooked) return;
    this.hooked = true;
    registerIpvsHooks(this);
    this.startEstimator();
  }

  private startEstimator(): void {
    if (this.estimating) return;
    this.estimating = true;
    const tick = (): void => {
      estimatorTick(this.stats);
      for (const s of this.services) {
        estimatorTick(s.stats);
        for (const d of s.dests) estimatorTick(d.stats);
      }
      this.host.sim.after(2 * SEC, 'ipvs-estimator', tick);
    };
    this.host.sim.after(2 * SEC, 'ipvs-estimator', tick);
  }

  timeoutFor(state: string): number {
    return (timeoutSeconds(this.timeouts, state) ?? 60) * SEC;
  }

  /** ip_vs_conn_expire: unlink, unbind the dest; a template that still controls others waits 60 s more. */
  expire(c: IpvsConn): void {
    if (c.template && c.nControl > 0) {
      c.timeoutUs = 60 * SEC;
      this.conns.touch(c);
      return;
    }
    this.conns.unlink(c);
    this.unbind(c);
    if (c.control) c.control.nControl--;
    this.host.sim.emit({
      kind: 'ipvs.conn',
      host: this.host.name,
      conn: c.id,
      event: 'expired',
      state: c.state,
      template: c.template,
      dest: c.dest.key,
    });
  }

  /** ip_vs_bind_dest: count the connection, then maybe set OVERLOAD. */
  bind(c: IpvsConn): void {
    const d = c.dest;
    if (c.template) d.persistconns++;
    else if (c.inactive) d.inactconns++;
    else d.activeconns++;
    if (d.uThreshold !== 0 && d.activeconns + d.inactconns >= d.uThreshold && !d.overloaded) {
      d.overloaded = true;
      this.host.sim.emit({
        kind: 'ipvs.overload',
        host: this.host.name,
        dest: d.key,
        overloaded: true,
        total: d.activeconns + d.inactconns,
        upper: d.uThreshold,
        lower: d.lThreshold,
      });
    }
  }

  /** ip_vs_unbind_dest: uncount, then re-evaluate OVERLOAD with the lower threshold. */
  unbind(c: IpvsConn): void {
    const d = c.dest;
    if (c.template) d.persistconns--;
    else if (c.inactive) d.inactconns--;
    else d.activeconns--;
    const total = d.activeconns + d.inactconns;
    let clear: boolean;
    if (d.lThreshold !== 0) clear = total < d.lThreshold;
    else if (d.uThreshold !== 0) clear = total * 4 < d.uThreshold * 3;
    else clear = true;
    if (clear && d.overloaded) {
      d.overloaded = false;
      this.host.sim.emit({
        kind: 'ipvs.overload',
        host: this.host.name,
        dest: d.key,
        overloaded: false,
        total,
        upper: d.uThreshold,
        lower: d.lThreshold,
      });
    }
  }
}

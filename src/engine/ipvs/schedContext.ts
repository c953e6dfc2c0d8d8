import type { Rng } from '../core/rng';
import type { Sysctl } from '../stack/sysctl';
import type { Ipvs } from './ipvs';
import type { PacketTuple } from './schedule';
import type { SchedContext } from './types';

/**
 * The context the engine's decisions see: one per IPVS instance, reused (schedulers read it and
 * keep nothing of it). Time and the lblc/lblcr expirations are read when a scheduler asks, so a
 * decision costs no allocation and no sysctl lookup it does not need. The trace records every
 * decision's explanation lazily: the counters compared are kept and the candidate list is
 * derived only when a view or the CLI reads it.
 */
export class EngineSchedContext implements SchedContext {
  readonly explain = true;
  readonly lazyExplain = true;
  /** The packet fields handed to the scheduler, refilled per decision. */
  readonly pkt = { saddr: '', sport: 0, daddr: '', dport: 0 };

  constructor(private readonly ipvs: Ipvs) {}

  get now(): number {
    return this.ipvs.host.sim.now;
  }

  get rng(): Rng {
    return this.ipvs.rng;
  }

  get lblcExpiration(): number {
    this.readExpiry();
    return this.lblc;
  }

  get lblcrExpiration(): number {
    this.readExpiry();
    return this.lblcr;
  }

  /** The two expirations as last read, and the sysctl version they were read at (a lookup each otherwise). */
  private lblc = 0;
  private lblcr = 0;
  private expiryOf: Sysctl | undefined = undefined;
  private expiryAt = -1;

  /** Read both expirations again if the host's sysctls changed since they were last read. */
  private readExpiry(): void {
    const s = this.ipvs.host.sysctl;
    if (s === this.expiryOf && s.version === this.expiryAt) return;
    this.expiryOf = s;
    this.expiryAt = s.version;
    this.lblc = s.get('net.ipv4.vs.lblc_expiration') ?? 0;
    this.lblcr = s.get('net.ipv4.vs.lblcr_expiration') ?? 0;
  }
}

/** A memo of one context object per IPVS instance, not host state. */
const contexts = new WeakMap<Ipvs, EngineSchedContext>();
/** The context used last: most decisions are on the director decided on last (no WeakMap lookup). */
let lastContext: EngineSchedContext | undefined;
let lastIpvs: Ipvs | undefined;

export function engineContext(ipvs: Ipvs, t: PacketTuple): EngineSchedContext {
  let ctx = ipvs === lastIpvs ? lastContext : contexts.get(ipvs);
  if (ctx === undefined) contexts.set(ipvs, (ctx = new EngineSchedContext(ipvs)));
  lastIpvs = ipvs;
  lastContext = ctx;
  const p = ctx.pkt;
  p.saddr = t.saddr;
  p.sport = t.sport;
  p.daddr = t.daddr;
  p.dport = t.dport;
  return ctx;
}

/**
 * A plain snapshot of what a scheduler reads of its host: the clock, IPVS's own random stream, the
 * lblc/lblcr sysctls. For the harness, which spreads it and overrides some fields (a class with
 * getters would not spread).
 */
export function schedContext(ipvs: Ipvs): SchedContext {
  return {
    now: ipvs.host.sim.now,
    rng: ipvs.rng,
    // Whole literal keys: no string is built and hashed per decision.
    lblcExpiration: ipvs.host.sysctl.get('net.ipv4.vs.lblc_expiration') ?? 0,
    lblcrExpiration: ipvs.host.sysctl.get('net.ipv4.vs.lblcr_expiration') ?? 0,
    explain: true,
    lazyExplain: true,
  };
}

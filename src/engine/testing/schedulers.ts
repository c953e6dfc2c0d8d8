/**
 * The scheduler tests' layer of the harness: a virtual service on a director, built through the
 * IPVS control plane that `ipvsadm -A/-E/-a/-e/-d` reaches, whose real-server objects the tests
 * load by hand (active/inactive counters, weight, OVERLOAD) and whose `pick` is the engine's own
 * scheduling call, the one the IPVS hook makes for a new connection (trace event included).
 */
import type { Rng } from '../core/rng';
import { addDest, addService, deleteDest, editDest, editService } from '../ipvs/control';
import { ipvsOf } from '../ipvs/ipvs';
import type { Ipvs } from '../ipvs/ipvs';
import { pick as schedulePick } from '../ipvs/schedule';
import { schedContext } from '../ipvs/schedContext';
import { getScheduler } from '../ipvs/schedulers/registry';
import type { IpvsDest, IpvsService, ServiceKey } from '../ipvs/service';
import type { Dest, Explanation, SchedContext, SchedFlags, SchedPacket, Scheduler } from '../ipvs/types';
import { DIRECTOR_ONLY } from './director';
import { destOpts, svcOpts, tcp } from './ipvsApi';
import { TestLab } from './testLab';

export interface DestInit {
  addr: string;
  port?: number;
  weight?: number;
  active?: number;
  inactive?: number;
  overloaded?: boolean;
}

/** A pick's outcome: the real server chosen (none: undefined) and why, as the trace recorded it. */
export interface Picked {
  dest: IpvsDest | undefined;
  explanation?: Explanation;
}

/** The packet a pick schedules unless the test says otherwise. */
export const PKT: SchedPacket = { saddr: '10.0.0.1', sport: 40000, daddr: '192.168.99.100', dport: 80 };

/**
 * Services share a director, a fresh one every SERVICES_PER_DIRECTOR of them: thousands of
 * fast-check cases stay fast, and no director's service list or trash grows without bound.
 */
const SERVICES_PER_DIRECTOR = 100;
let director: { lab: TestLab; made: number } | undefined;

function nextKey(): { lab: TestLab; key: ServiceKey } {
  if (!director || director.made >= SERVICES_PER_DIRECTOR)
    director = { lab: new TestLab(DIRECTOR_ONLY), made: 0 };
  director.made++;
  return { lab: director.lab, key: tcp(DIRECTOR_ONLY.vip, 1000 + director.made) };
}

function must(err: string | undefined, what: string): void {
  if (err) throw new Error(`${what}: ${err}`);
}

export class SchedTestService<S> {
  readonly lab: TestLab;
  readonly ipvs: Ipvs;
  readonly key: ServiceKey;
  readonly svc: IpvsService;
  /**
   * Fields of the scheduler's context fixed by the test; the rest is the director's own
   * (schedContext). `rng` starts as the stream a freshly booted director gives its IPVS, so
   * every service repeats its random draws, as a lab does for its seed.
   */
  readonly ctx: Partial<SchedContext> & { rng: Rng };

  constructor(
    readonly scheduler: Scheduler<S>,
    flags: Partial<SchedFlags> = {},
    dests: readonly DestInit[] = [],
  ) {
    const { lab, key } = nextKey();
    this.lab = lab;
    this.key = key;
    this.ipvs = ipvsOf(lab.host('director'));
    this.ctx = { rng: lab.sim.rng.child('ipvs:director') };
    const f = { flag1: false, flag2: false, flag3: false, ...flags };
    // With dests given, the scheduler starts on a list already there (ipvsadm -E switching to it).
    const first = dests.length > 0 ? (scheduler.name === 'wlc' ? 'lc' : 'wlc') : scheduler.name;
    must(addService(this.ipvs, key, svcOpts(first, { flags: f })), `-A ${first}`);
    this.svc = this.ipvs.findService(key)!;
    for (const d of [...dests].reverse()) this.add(d);
    if (first !== scheduler.name) this.setFlags({}, scheduler.name);
  }

  /** The real servers in kernel list order (head = most recently added). */
  get dests(): IpvsDest[] {
    return this.svc.dests;
  }

  /** The scheduler's own state for this service. */
  get state(): S {
    return this.svc.schedState as S;
  }

  /** `ipvsadm -a … -m -w W`, then the counters and OVERLOAD set on the real server object. */
  add(init: DestInit): IpvsDest {
    const port = init.port ?? 80;
    must(addDest(this.ipvs, this.key, destOpts(init.addr, port, 'masq', { weight: init.weight ?? 1 })), '-a');
    const d = this.svc.dests[0]!;
    d.activeconns = init.active ?? 0;
    d.inactconns = init.inactive ?? 0;
    d.overloaded = init.overloaded ?? false;
    return d;
  }

  /** `ipvsadm -a` of a deleted server: the kernel takes the same object back from its trash. */
  readd(d: Dest): void {
    must(addDest(this.ipvs, this.key, destOpts(d.addr, d.port, d.fwd, { weight: d.weight })), '-a (trash)');
  }

  /** `ipvsadm -e … -w weight`. */
  edit(d: Dest, weight: number): void {
    must(editDest(this.ipvs, this.key, destOpts(d.addr, d.port, d.fwd, { weight })), '-e');
  }

  /** `ipvsadm -d`. */
  del(d: Dest): void {
    must(deleteDest(this.ipvs, this.key, d.addr, d.port), '-d');
  }

  /** `ipvsadm -E … -b flags` (and `-s` to switch scheduler). */
  setFlags(flags: Partial<SchedFlags>, scheduler = this.scheduler.name): void {
    must(
      editService(this.ipvs, this.key, svcOpts(scheduler, { flags: { ...this.svc.flags, ...flags } })),
      '-E',
    );
  }

  /** The engine's scheduling call for a new connection, with the explanation its trace event records. */
  pick(pkt: Partial<SchedPacket> = {}): Picked {
    const p = { ...PKT, ...pkt };
    const ctx = { ...schedContext(this.ipvs), ...this.ctx };
    const dest = schedulePick(this.ipvs, this.svc, { proto: 'TCP', ...p }, 'pkt#test', ctx);
    const ev = this.lab.sim.trace.at(this.lab.sim.trace.length - 1);
    if (ev?.kind !== 'ipvs.schedule') throw new Error('pick recorded no ipvs.schedule event');
    return ev.explanation ? { dest, explanation: ev.explanation } : { dest };
  }

  /** Pick and count the connection as active on the chosen server. */
  connect(pkt: Partial<SchedPacket> = {}): IpvsDest | undefined {
    const d = this.pick(pkt).dest;
    if (d) d.activeconns++;
    return d;
  }
}

/** A service of `scheduler`, empty: the test adds its real servers with `add`. */
export function schedService<S>(
  scheduler: Scheduler<S>,
  flags: Partial<SchedFlags> = {},
): SchedTestService<S> {
  return new SchedTestService(scheduler, flags);
}

/**
 * A service of `scheduler` that starts on these real servers, in this list order (head first),
 * and the server objects themselves, one per init.
 */
export function serviceWith<S, const T extends readonly DestInit[]>(
  scheduler: Scheduler<S>,
  flags: Partial<SchedFlags>,
  dests: T,
): { t: SchedTestService<S>; d: { [K in keyof T]: IpvsDest } } {
  const t = new SchedTestService(scheduler, flags, dests);
  return { t, d: [...t.dests] as { [K in keyof T]: IpvsDest } };
}

/** One real server as `ipvsadm -a` makes it, for the scheduler's helper functions. */
export function realDest(init: DestInit): IpvsDest {
  return schedService(getScheduler('wlc')!).add(init);
}

/** Names for keys, so sequences read as letters in assertions. */
export function namer(named: Record<string, Dest>): (d: Dest | undefined) => string {
  const byKey = new Map(Object.entries(named).map(([name, d]) => [d.key, name]));
  return (d) => (d ? (byKey.get(d.key) ?? d.key) : '-');
}

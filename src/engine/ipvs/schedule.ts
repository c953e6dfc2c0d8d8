import { IpvsConnEntry } from './connEntry';
import type { Explanation, FwdMethod } from './types';
import { SEC } from '../core/sim';
import { packedKind } from '../core/traceFixed';
import type { DecisionFacts } from '../core/traceSummary';
import { ipNum, numIp } from '../stack/addrMath';
import type { IpvsConn } from './conn';
import type { Ipvs } from './ipvs';
import type { IpvsDest, IpvsService } from './service';
import { serviceKeyString } from './service';
import { RecordedExplanation } from './schedulers/explain';
import type { Where } from './schedulers/explain';
import type { SchedContext, SchedService } from './types';
import { engineContext } from './schedContext';
import type { EngineSchedContext } from './schedContext';

/** The scheduler's pick for a new connection (dest null: none usable), with why when explained. */
export interface IpvsScheduleEvent {
  kind: 'ipvs.schedule';
  host: string;
  pkt: string;
  service: string;
  scheduler: string;
  client: string;
  dest: string | null;
  explanation: Explanation | null;
}

/** A persistence template sent the client to the same real server without scheduling. */
export interface IpvsPersistEvent {
  kind: 'ipvs.persist';
  host: string;
  pkt: string;
  template: string;
  dest: string;
  client: string;
}

/** A connection entry (or persistence template) was created. */
export interface IpvsConnNewEvent {
  kind: 'ipvs.conn';
  host: string;
  conn: string;
  event: 'new';
  pkt: string;
  proto: IpvsConn['proto'];
  client: string;
  virtual: string;
  dest: string;
  fwd: FwdMethod;
  template: string | null;
}

export interface PacketTuple {
  proto: 'TCP' | 'UDP';
  saddr: string;
  sport: number;
  daddr: string;
  dport: number;
}

/**
 * The host's name and the service as the trace spells it, made once per service key (one string
 * per decision otherwise) and kept by each decision as one pointer; a memo, not host state.
 */
const wheres = new WeakMap<IpvsService['key'], Where>();
let lastKey: IpvsService['key'] | undefined;
let lastWhere: Where | undefined;

function whereOf(ipvs: Ipvs, svc: IpvsService): Where {
  let w = svc.key === lastKey ? lastWhere : wheres.get(svc.key);
  if (w === undefined || w.host !== ipvs.host.name)
    wheres.set(svc.key, (w = { host: ipvs.host.name, service: serviceKeyString(svc.key) }));
  lastKey = svc.key;
  lastWhere = w;
  return w;
}

/**
 * `ip:port` of recent clients, one string object each: a decision's events then carry a string the
 * trace has seen (and hashed) before instead of a fresh one per event. A direct-mapped memo of
 * values (slot from the address's last characters and the port), not host state: a collision only
 * makes the string again.
 */
const MEMO_BITS = 12;
const MEMO_MASK = (1 << MEMO_BITS) - 1;
const memoAddr: string[] = new Array<string>(MEMO_MASK + 1).fill('');
const memoPort = new Int32Array(MEMO_MASK + 1).fill(-1);
const memoText: string[] = new Array<string>(MEMO_MASK + 1).fill('');

function clientString(addr: string, port: number): string {
  const n = addr.length;
  let h = Math.imul(port, 0x9e3779b1);
  for (let j = n > 4 ? n - 4 : 0; j < n; j++) h = Math.imul(h ^ addr.charCodeAt(j), 0x01000193);
  const at = (h ^ (h >>> 16)) & MEMO_MASK;
  if (memoPort[at] === port && memoAddr[at] === addr) return memoText[at]!;
  const s = `${addr}:${port}`;
  memoAddr[at] = addr;
  memoPort[at] = port;
  memoText[at] = s;
  return s;
}

/**
 * A decision's event, kept by reference in one record besides its packet: the store then looks up
 * two values per decision instead of seven (the client and the dest were a string lookup each).
 * The scheduler's recorded explanation is that record when it has one (no second object); this
 * class holds the fields otherwise (explanations off, or built at once). Read back as the event's
 * own fields, in their order (expandDecision).
 */
class DecisionRecord implements DecisionFacts {
  constructor(
    readonly host: string,
    readonly service: string,
    readonly scheduler: string,
    readonly clientAddr: string,
    readonly clientPort: number,
    readonly dest: string | null,
    readonly explanation: Explanation | null,
  ) {}

  /** The dest as the summary tallies it (DecisionFacts). */
  get winner(): string | null {
    return this.dest;
  }

  /** No identity: the summary compares its strings (DecisionFacts). */
  get factsSite(): undefined {
    return undefined;
  }

  get factsWinner(): null {
    return null;
  }
}

/** The decision event as emitted, from its stored form (pkt, decision): same keys, same order. */
function expandDecision(stored: Record<string, unknown>): IpvsScheduleEvent {
  const d = stored.decision as DecisionRecord | RecordedExplanation;
  const own = d instanceof RecordedExplanation;
  return {
    kind: 'ipvs.schedule',
    host: d.host,
    pkt: stored.pkt as string,
    service: d.service,
    scheduler: d.scheduler,
    client: `${d.clientAddr}:${d.clientPort}`,
    dest: own ? d.winner : d.dest,
    explanation: own ? d : d.explanation,
  };
}

/**
 * A decision, pushed as its packet and its record (traceFixed.ts): no event object. The record
 * holds its facts (DecisionFacts): a summary tallies it without expanding it.
 */
const SCHEDULE = packedKind<[string, DecisionRecord | RecordedExplanation]>(
  'ipvs.schedule',
  ['pkt', 'decision'],
  expandDecision as (stored: Record<string, unknown>) => IpvsScheduleEvent & Record<string, unknown>,
  ['decision'],
  true,
);

/**
 * Ask the service's scheduler, and record its reasoning in the trace. Exported for the benchmark
 * and the harness (testing/schedulers.ts), which call it on a service the control plane built and
 * may hand in a context with some fields fixed (the clock, the random stream, explanations off).
 */
export function pick(
  ipvs: Ipvs,
  svc: IpvsService,
  t: PacketTuple,
  pkt: string,
  given?: SchedContext,
): IpvsDest | undefined {
  const ctx = given ?? engineContext(ipvs, t);
  const tuple = given
    ? { saddr: t.saddr, sport: t.sport, daddr: t.daddr, dport: t.dport }
    : (ctx as EngineSchedContext).pkt;
  const r = svc.scheduler.schedule(svc.schedState, svc as SchedService, tuple, ctx);
  const ex = r.explanation;
  let record: DecisionRecord | RecordedExplanation;
  if (
    ex instanceof RecordedExplanation &&
    ex.winnerObject === r.dest &&
    ex.scheduler === svc.scheduler.name
  ) {
    ex.placeAt(whereOf(ipvs, svc));
    ex.clientAddr = t.saddr;
    ex.clientPort = t.sport;
    record = ex;
  } else {
    const where = whereOf(ipvs, svc);
    record = new DecisionRecord(
      where.host,
      where.service,
      svc.scheduler.name,
      t.saddr,
      t.sport,
      r.dest?.key ?? null,
      ex ?? null,
    );
  }
  ipvs.host.sim.emitIdRecord(SCHEDULE, pkt, record);
  return r.dest as IpvsDest | undefined;
}

function newConn(
  ipvs: Ipvs,
  svc: IpvsService,
  dest: IpvsDest,
  f: Omit<
    IpvsConn,
    | 'id'
    | 'svc'
    | 'dest'
    | 'fwd'
    | 'state'
    | 'inactive'
    | 'noOutput'
    | 'onePacket'
    | 'timeoutUs'
    | 'expires'
    | 'nControl'
    | 'assured'
    | 'bucket'
    | 'created'
    | 'timer'
  >,
): IpvsConn {
  const now = ipvs.host.sim.now;
  const c = new IpvsConnEntry(
    ipvs.host.sim.ids.nextNumber('conn'),
    f.proto,
    f.caddr,
    f.cport,
    f.vaddr,
    f.vport,
    f.daddr,
    f.dport,
    svc,
    dest,
    dest.fwd,
    f.template,
    f.control,
    svc.ops && f.proto === 'UDP' && !f.template,
    f.template ? svc.persistent * SEC : 3 * SEC,
    now,
  );
  c.expires = now + c.timeoutUs;
  c.bucket = ipvs.conns.bucketOf(c.proto, c.caddr, c.cport);
  ipvs.conns.insert(c);
  ipvs.bind(c);
  return c;
}

/**
 * ip_vs_schedule: persistence template first (ip_vs_sched_persist), else the scheduler.
 * Returns the new connection, or undefined when no real server is available.
 */
export function scheduleConn(
  ipvs: Ipvs,
  svc: IpvsService,
  t: PacketTuple,
  pkt: string,
): IpvsConn | undefined {
  let control: IpvsConn | undefined;
  let dest: IpvsDest | undefined;
  if (svc.persistent > 0) {
    const snet = numIp((ipNum(t.saddr) & ipNum(svc.netmask)) >>> 0);
    const fw = svc.key.kind === 'fwmark';
    const tproto = fw ? 'IP' : t.proto;
    const vaddr = fw ? numIp(svc.key.kind === 'fwmark' ? svc.key.fwmark : 0) : t.daddr;
    const vport =
      fw || (svc.key.kind === 'addr' && (svc.key.port === 0 || svc.key.port === 21)) ? 0 : t.dport;
    let ct = ipvs.conns.findIn(tproto, snet, 0, vaddr, vport);
    const quiesced =
      ct !== undefined && ipvs.sysctl('expire_quiescent_template') === 1 && ct.dest.weight === 0;
    if (ct && (!ct.dest.available || quiesced)) {
      ipvs.conns.rekey(ct);
      ct = undefined;
    }
    if (ct) {
      dest = ct.dest;
      ipvs.host.sim.emit({
        kind: 'ipvs.persist',
        host: ipvs.host.name,
        pkt,
        template: ct.id,
        dest: dest.key,
        client: snet,
      });
    } else {
      dest = pick(ipvs, svc, t, pkt);
      if (!dest) return undefined;
      ct = newConn(ipvs, svc, dest, {
        proto: tproto,
        caddr: snet,
        cport: 0,
        vaddr,
        vport,
        daddr: dest.addr,
        dport: svc.key.kind === 'addr' ? dest.port : 0,
        template: true,
        control: undefined,
      });
    }
    control = ct;
    ct.nControl++;
    ct.timeoutUs = ct.timeoutUs || svc.persistent * SEC;
    ipvs.conns.touch(ct);
  } else {
    dest = pick(ipvs, svc, t, pkt);
    if (!dest) return undefined;
  }
  const dport = dest.port === 0 ? t.dport : dest.port;
  const c = newConn(ipvs, svc, dest, {
    proto: t.proto,
    caddr: t.saddr,
    cport: t.sport,
    vaddr: t.daddr,
    vport: t.dport,
    daddr: dest.addr,
    dport,
    template: false,
    control,
  });
  for (const s of [dest.stats, svc.stats, ipvs.stats]) s.counters.conns++;
  ipvs.host.sim.emit({
    kind: 'ipvs.conn',
    host: ipvs.host.name,
    conn: c.id,
    event: 'new',
    pkt,
    proto: c.proto,
    client: clientString(c.caddr, c.cport),
    virtual: `${c.vaddr}:${c.vport}`,
    dest: `${c.daddr}:${c.dport}`,
    fwd: c.fwd,
    template: control?.id ?? null,
    // Stamped by the trace; declared here so the event is born with its final shape.
    t: 0,
    seq: 0,
  });
  return c;
}

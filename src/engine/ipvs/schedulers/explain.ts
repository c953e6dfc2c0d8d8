import type { Candidate, Dest, Explanation, SchedContext, ScheduleResult } from '../types';
import type { DecisionFacts } from '../../core/traceSummary';
import { F_AVAILABLE, F_OVERLOADED, readCounters, SNAP } from './counterJournal';
import { listOf, recordCounters, recorded } from './recordedCounters';

/** Kept importable from here: the control plane announces list changes (recordedCounters.ts). */
export { destListChanged, isAnnounced } from './recordedCounters';

export type Params = Explanation['params'];

/**
 * A plain copy of params made by a scheduler's params class. Schedulers make their per-decision
 * params with `new` rather than a literal: a literal is an allocation site V8 pretenures once the
 * trace keeps decisions alive, after which every decision's params went to the old generation (mh
 * ran at a third of its speed, at random). Readers of the plain Explanation see a plain object.
 */
export function plainParams(p: Params): Params {
  return Object.getPrototypeOf(p) === Object.prototype ? p : { ...p };
}

/** What a judge may know of the decision: list indices of the winner and of the auxiliary dest. */
export interface Recorded {
  readonly winnerIndex: number;
  readonly auxIndex: number;
  readonly params: Params;
}

/**
 * A scheduler's params as a function of what the record keeps: the dests' recorded counters (list
 * order), the winner's index among them and one small integer the scheduler recorded (`word`,
 * e.g. twos's two draws). For params that restate the winner's counters (lc's cost, fo's weight):
 * the record keeps no params object, and they are made when the explanation is read.
 */
export type DeriveParams = (views: readonly Dest[], winnerIndex: number, word: number) => Params;

/**
 * How a scheduler judged each dest, applied to the recorded counters when the explanation is
 * read: its own eligibility rule (`all`: every recorded dest, for rules that look across the
 * service) and the quantity it compared, if any.
 */
export interface Judge {
  eligible(d: Dest, i: number, all: readonly Dest[], rec: Recorded): boolean;
  cost?(d: Dest, i: number, rec: Recorded): number | undefined;
}

/** The director and the service a decision was made on: one object per service, kept by every decision. */
export interface Where {
  readonly host: string;
  readonly service: string;
}

const NOWHERE: Where = { host: '', service: '' };

/** A How at a Where: what a decision shares with every other of its scheduler, outcome and service. */
interface Site {
  readonly how: How;
  readonly where: Where;
}

/** What a decision shares with every other of its scheduler and outcome: one object for all of them. */
class How {
  /** The How before the engine says where (tests, previews). */
  readonly bare: Site;
  private last: Site;
  private readonly sites = new WeakMap<Where, Site>();

  constructor(
    readonly scheduler: string,
    readonly rule: string,
    readonly judge: Judge,
    /** Its decisions' params, made when read (undefined: each record keeps its params object). */
    readonly derive: DeriveParams | undefined,
  ) {
    this.bare = this.last = { how: this, where: NOWHERE };
  }

  /** This How at `where`: one object per pair, so a record keeps one pointer for both. */
  at(where: Where): Site {
    if (this.last.where === where) return this.last;
    let site = this.sites.get(where);
    if (site === undefined) this.sites.set(where, (site = { how: this, where }));
    return (this.last = site);
  }
}

/**
 * The How objects, per judge, then scheduler, then rule: a memo of values (the same three always
 * give an equal object), so each recorded decision keeps one pointer instead of three. Hows whose
 * params are derived (DeriveParams) are kept apart, per derive function.
 */
type HowMemo = WeakMap<Judge, Map<string, Map<string, How>>>;
const hows: HowMemo = new WeakMap();
const derivedHows = new WeakMap<DeriveParams, HowMemo>();

/** The How found last: a run of decisions by one scheduler and rule skips the three lookups. */
let lastHow: How | undefined;

function howOf(scheduler: string, judge: Judge, rule: string, derive: DeriveParams | undefined): How {
  const last = lastHow;
  if (
    last !== undefined &&
    last.judge === judge &&
    last.rule === rule &&
    last.scheduler === scheduler &&
    last.derive === derive
  )
    return last;
  let memo = hows;
  if (derive !== undefined) {
    let m = derivedHows.get(derive);
    if (!m) derivedHows.set(derive, (m = new WeakMap()));
    memo = m;
  }
  let bySched = memo.get(judge);
  if (!bySched) memo.set(judge, (bySched = new Map()));
  let byRule = bySched.get(scheduler);
  if (!byRule) bySched.set(scheduler, (byRule = new Map()));
  let how = byRule.get(rule);
  if (!how) byRule.set(rule, (how = new How(scheduler, rule, judge, derive)));
  lastHow = how;
  return how;
}

/**
 * Candidate lists derived so far, per record: kept beside the records, not in them (a field per
 * decision, while few are ever read; a bounded trace keeps every record for a few chunks).
 */
const derived = new WeakMap<RecordedExplanation, Candidate[]>();
/** Params made so far from records that keep none (DeriveParams): one object per record, as read. */
const derivedParams = new WeakMap<RecordedExplanation, Params>();

/**
 * A decision as the hot path records it: the dests in list order and, per dest, the counters a
 * scheduler compares, plus the winner, the rule and the scheduler's few parameters. The
 * candidate list is derived on first read; `toJSON` gives the plain Explanation, so a serialised
 * trace is the same as if it had been built eagerly.
 */
export class RecordedExplanation implements Explanation, Recorded, DecisionFacts {
  /** The params, or the word they are derived from (the site's How.derive). */
  private readonly given: Params | number;
  /** Its scheduler, rule and judge, and (once the engine's pick says) its host and service. */
  private site: Site;
  /** The counters: a snapshot at the start of `block`, then changes up to `end` (readCounters). */
  private readonly block: Int32Array;
  private readonly end: number;
  private readonly winnerDest: Dest | undefined;
  private readonly auxDest: Dest | undefined;
  /** The client's address and port: its `ip:port` is spelled when the event is read. */
  clientAddr = '';
  clientPort = 0;

  /**
   * Made by `record` (below), after the counters are written down: only field stores here, so the
   * scheduler's optimised code inlines the allocation (a call through the generic construct stub
   * otherwise, ~10% of a decision when V8 declined to inline the work that is now in `record`).
   */
  constructor(
    site: Site,
    given: Params | number,
    block: Int32Array,
    end: number,
    winner: Dest | undefined,
    aux: Dest | undefined,
  ) {
    this.site = site;
    this.given = given;
    this.block = block;
    this.end = end;
    this.winnerDest = winner;
    this.auxDest = aux;
  }

  /**
   * The rest of the decision's trace event, set by the engine's pick (schedule.ts): the event is
   * then stored as its packet and this record alone, one object per decision.
   */
  placeAt(where: Where): void {
    this.site = this.site.how.at(where);
  }

  get host(): string {
    return this.site.where.host;
  }

  get service(): string {
    return this.site.where.service;
  }

  /** The list as the decision saw it (the copy its counters' block is of). */
  private get dests(): readonly Dest[] {
    return listOf(this.block);
  }

  /** The dest picked (the decision event's dest). */
  get winnerObject(): Dest | undefined {
    return this.winnerDest;
  }

  /**
   * The record is also the scheduler's result (`result`): its dest and explanation, so a
   * decision makes one object, not two. Not enumerable and not in toJSON: readers see an
   * Explanation.
   */
  get dest(): Dest | undefined {
    return this.winnerDest;
  }

  get explanation(): Explanation {
    return this;
  }

  // Read back from the dests rather than kept: a decision's record stays in the trace, one per
  // connection, and these are read only when the explanation is.
  get scheduler(): string {
    return this.site.how.scheduler;
  }

  get rule(): string {
    return this.site.how.rule;
  }

  private get judge(): Judge {
    return this.site.how.judge;
  }

  get winner(): string | null {
    return this.winnerDest?.key ?? null;
  }

  get params(): Params {
    const derive = this.site.how.derive;
    if (derive === undefined) return this.given as Params;
    let p = derivedParams.get(this);
    if (p === undefined)
      derivedParams.set(this, (p = derive(this.views(), this.winnerIndex, this.given as number)));
    return p;
  }

  /**
   * The facts' identity (DecisionFacts): the site stands for the host, service and scheduler, the
   * winner for its key (an engine dest's key never changes: destEntry.ts).
   */
  get factsSite(): object {
    return this.site;
  }

  get factsWinner(): object | null {
    return this.winnerDest ?? null;
  }

  get winnerIndex(): number {
    return this.winnerDest ? this.dests.indexOf(this.winnerDest) : -1;
  }

  get auxIndex(): number {
    return this.auxDest ? this.dests.indexOf(this.auxDest) : -1;
  }

  get candidates(): Candidate[] {
    let c = derived.get(this);
    if (c === undefined) derived.set(this, (c = this.derive()));
    return c;
  }

  /** The dests as they were when the decision was made. */
  private views(): Dest[] {
    const dests = this.dests;
    const c = readCounters(this.block, 0, this.end, dests.length);
    return dests.map((d, i) => {
      const k = i * SNAP;
      return {
        key: d.key,
        addr: d.addr,
        port: d.port,
        fwd: d.fwd,
        weight: c[k]! >> 2,
        lastWeight: d.lastWeight,
        uThreshold: d.uThreshold,
        lThreshold: d.lThreshold,
        activeconns: c[k + 1]!,
        inactconns: c[k + 2]!,
        persistconns: d.persistconns,
        available: (c[k]! & F_AVAILABLE) !== 0,
        overloaded: (c[k]! & F_OVERLOADED) !== 0,
      };
    });
  }

  private derive(): Candidate[] {
    const views = this.views();
    return views.map((v, i) => {
      const c: Candidate = {
        dest: v.key,
        weight: v.weight,
        active: v.activeconns,
        inactive: v.inactconns,
        overloaded: v.overloaded,
        eligible: this.judge.eligible(v, i, views, this),
      };
      const cost = this.judge.cost?.(v, i, this);
      if (cost !== undefined) c.cost = cost;
      return c;
    });
  }

  toJSON(): Explanation {
    const { scheduler, candidates, winner, rule, params } = this;
    return { scheduler, candidates, winner, rule, params: plainParams(params) };
  }
}

/**
 * A scheduler's explanation of the decision it just made: recorded (derived when read) when the
 * context asks for `lazyExplain`, the engine's real path; built at once otherwise (tests, views
 * that preview the next pick). `aux` is a dest the judge refers to (a hash bucket's owner, lblc's
 * cached dest).
 */
export function explanation(
  ctx: SchedContext,
  scheduler: string,
  dests: readonly Dest[],
  judge: Judge,
  winner: Dest | undefined,
  rule: string,
  params: Params = {},
  aux?: Dest,
): Explanation {
  // Built at once from the live counters, not the journal: the tests compare the two.
  const lazy = ctx.lazyExplain === true;
  recordCounters(dests, lazy);
  const site = howOf(scheduler, judge, rule, undefined).bare;
  const rec = new RecordedExplanation(site, params, recorded.block, recorded.end, winner, aux);
  return lazy ? rec : rec.toJSON();
}

/**
 * `explanation` for a decision whose params restate what the record keeps (DeriveParams): a
 * winner's counters, and `word`, a small integer (up to 2^30) the scheduler recorded. The record
 * then keeps no params object; `derive` must give what the scheduler would have built.
 */
export function derivedExplanation(
  ctx: SchedContext,
  scheduler: string,
  dests: readonly Dest[],
  judge: Judge,
  winner: Dest,
  rule: string,
  derive: DeriveParams,
  word = 0,
): Explanation {
  const lazy = ctx.lazyExplain === true;
  recordCounters(dests, lazy);
  const site = howOf(scheduler, judge, rule, derive).bare;
  const rec = new RecordedExplanation(site, word, recorded.block, recorded.end, winner, undefined);
  return lazy ? rec : rec.toJSON();
}

/** The plain Explanation of a recorded (or already plain) one: what a serialiser or a test wants. */
export function plainExplanation(ex: Explanation): Explanation {
  return ex instanceof RecordedExplanation ? ex.toJSON() : ex;
}

/** The decision, with the explanation attached only when one was asked for. */
export function result(dest: Dest | undefined, ex: Explanation | undefined): ScheduleResult {
  if (ex instanceof RecordedExplanation && ex.winnerObject === dest) return ex;
  return ex === undefined ? { dest } : { dest, explanation: ex };
}

/** The usual failure code: nothing the scheduler may pick. */
export const NONE_NO_ELIGIBLE = 'none.no-eligible';
/** wrr's "all destinations are overloaded". */
export const NONE_OVERLOADED = 'none.overloaded';
/** dh/sh/mh: the hashed bucket is empty or its dest unavailable (no fallback, or it ran out). */
export const NONE_BUCKET = 'none.bucket-unavailable';

import type { Candidate, Dest, Explanation } from '../types';

export type Params = Explanation['params'];

/** What a judge may know of the decision: list indices of the winner and of the auxiliary dest. */
export interface Recorded {
  readonly winnerIndex: number;
  readonly auxIndex: number;
  readonly params: Params;
}

/**
 * How a scheduler judged each dest, applied to the recorded counters when the explanation is
 * read: its own eligibility rule (`all`: every recorded dest, for rules that look across the
 * service) and the quantity it compared, if any.
 */
export interface Judge {
  eligible(d: Dest, i: number, all: readonly Dest[], rec: Recorded): boolean;
  cost?(d: Dest, i: number, rec: Recorded): number | undefined;
}

/** Counters recorded per dest, in this order: weight, active, inactive, flags. */
export const STRIDE = 4;
export const F_OVERLOADED = 1;
export const F_AVAILABLE = 2;

/** What a decision recorded, however it was stored (a counters block, or a trace record's parts). */
export interface RecordedFields {
  scheduler: string;
  judge: Judge;
  rule: string;
  params: Params;
  winner: string | null;
  winnerIndex: number;
  auxIndex: number;
  /** The dest list as the decision saw it (a copy; counters come from `counters`). */
  dests: readonly Dest[];
  counters: ArrayLike<number>;
  offset: number;
}

/**
 * A decision as recorded: the dests in list order and, per dest, the counters a scheduler
 * compares, plus the winner, the rule and the scheduler's few parameters. The candidate list is
 * derived on first read; `toJSON` gives the plain Explanation, so a serialised trace is the
 * same as if it had been built eagerly.
 */
export class RecordedExplanation implements Explanation, Recorded {
  readonly scheduler: string;
  readonly winner: string | null;
  readonly rule: string;
  readonly params: Params;
  readonly winnerIndex: number;
  readonly auxIndex: number;
  private readonly judge: Judge;
  private readonly dests: readonly Dest[];
  private readonly counters: ArrayLike<number>;
  private readonly offset: number;
  private derived: Candidate[] | undefined = undefined;

  constructor(f: RecordedFields) {
    this.scheduler = f.scheduler;
    this.winner = f.winner;
    this.rule = f.rule;
    this.params = f.params;
    this.winnerIndex = f.winnerIndex;
    this.auxIndex = f.auxIndex;
    this.judge = f.judge;
    this.dests = f.dests;
    this.counters = f.counters;
    this.offset = f.offset;
  }

  get candidates(): Candidate[] {
    return (this.derived ??= this.derive());
  }

  /** The dests as they were when the decision was made. */
  private views(): Dest[] {
    const c = this.counters;
    return this.dests.map((d, i) => {
      const k = this.offset + i * STRIDE;
      return {
        ...d,
        weight: c[k]!,
        activeconns: c[k + 1]!,
        inactconns: c[k + 2]!,
        overloaded: (c[k + 3]! & F_OVERLOADED) !== 0,
        available: (c[k + 3]! & F_AVAILABLE) !== 0,
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
    return { scheduler, candidates, winner, rule, params };
  }
}

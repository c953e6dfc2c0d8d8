import { packedCodec, PackedValue } from '../../core/packedValue';
import type { PackWriter } from '../../core/packedValue';
import type { Dest, Explanation, ScheduleResult } from '../types';
import { F_AVAILABLE, F_OVERLOADED, RecordedExplanation, STRIDE } from './recordedExplanation';
import type { Judge, Params } from './recordedExplanation';

/** A scheduler's way of explaining: its name and its judge. Made once per module. */
export interface ExplainKind {
  readonly id: number;
  readonly scheduler: string;
  readonly judge: Judge;
}

/** The keys of a decision's parameters, in the order the explanation lists them. */
export interface ParamShape {
  readonly id: number;
  readonly keys: readonly string[];
}

/** Kinds, rules and shapes each number under this: the three share one part. */
const CODES = 256;

const kinds: ExplainKind[] = [];
const shapes: ParamShape[] = [];

export function explainKind(scheduler: string, judge: Judge): ExplainKind {
  const k = { id: kinds.length, scheduler, judge };
  if (k.id >= CODES) throw new Error('explanations: too many kinds');
  kinds.push(k);
  return k;
}

export function paramShape(...keys: string[]): ParamShape {
  const s = { id: shapes.length, keys };
  if (s.id >= CODES) throw new Error('explanations: too many parameter shapes');
  shapes.push(s);
  return s;
}

const NO_KIND: ExplainKind = { id: -1, scheduler: '', judge: { eligible: () => false } };

/** Decisions without parameters (no usable dest, for most schedulers). */
export const NO_PARAMS = paramShape();

type ParamValue = number | string | boolean;

/**
 * The dest list as a decision saw it. Consecutive decisions on an unchanged list share one copy
 * (the live list is mutated in place when dests come and go, so it cannot be kept itself).
 * A memo of values, not host state: dropping it only costs copies.
 */
const listCopies = new WeakMap<readonly Dest[], readonly Dest[]>();
let lastLive: readonly Dest[] | undefined;
let lastCopy: readonly Dest[] = [];

function listCopy(live: readonly Dest[]): readonly Dest[] {
  const copy = live === lastLive ? lastCopy : listCopies.get(live);
  if (copy !== undefined && copy.length === live.length) {
    let same = true;
    for (let i = 0; i < live.length && same; i++) same = copy[i] === live[i];
    if (same) {
      lastLive = live;
      lastCopy = copy;
      return copy;
    }
  }
  const fresh = live.slice();
  listCopies.set(live, fresh);
  lastLive = live;
  lastCopy = fresh;
  return fresh;
}

/**
 * Counters of explanations recorded outside the trace live in shared append-only blocks: a
 * decision adds no array of its own. A block is dropped with the last record in it.
 */
const BLOCK = 1 << 16;
let block = new Int32Array(BLOCK);
let used = 0;

/** The dests' counters appended to the current block; their offset in it. */
function copyCounters(dests: readonly Dest[]): number {
  const n = dests.length * STRIDE;
  if (used + n > block.length) {
    block = new Int32Array(Math.max(BLOCK, n));
    used = 0;
  }
  const offset = used;
  for (let i = 0, k = used; i < dests.length; i++, k += STRIDE) {
    const d = dests[i]!;
    block[k] = d.weight;
    block[k + 1] = d.activeconns;
    block[k + 2] = d.inactconns;
    block[k + 3] = (d.overloaded ? F_OVERLOADED : 0) | (d.available ? F_AVAILABLE : 0);
  }
  used += n;
  return offset;
}

/** Parts before the parameter values. */
const PARTS = 7;

/** Rule codes by number: a handful of constants, recorded as numbers (no string lookup per decision). */
const rules: string[] = [];
const ruleIds = new Map<string, number>();

function ruleId(rule: string): number {
  let id = ruleIds.get(rule);
  if (id === undefined) {
    id = rules.length;
    if (id >= CODES) throw new Error('explanations: too many rule codes');
    rules.push(rule);
    ruleIds.set(rule, id);
  }
  return id;
}

/**
 * One decision being explained: references to the live dests, the winner, the rule and the
 * parameters, nothing copied yet. The trace packs it straight into its columns (the engine's
 * context reuses one Recording for every decision, so the hot path allocates nothing); anything
 * else takes a snapshot (`snapshot`, `plain`) before the dests change.
 */
export class Recording extends PackedValue {
  readonly codec = RECORDING_CODEC;
  private kind: ExplainKind = NO_KIND;
  private dests: readonly Dest[] = [];
  private winnerDest: Dest | undefined = undefined;
  private auxDest: Dest | undefined = undefined;
  private rule = '';
  private shape: ParamShape = NO_PARAMS;
  private readonly values: ParamValue[] = [0, 0, 0, 0, 0, 0];
  /** The decision's result when this Recording is a context's reusable one. */
  private readonly out: { dest: Dest | undefined; explanation: Explanation } = {
    dest: undefined,
    explanation: this as unknown as Explanation,
  };

  constructor(private readonly reused = false) {
    super();
  }

  start(kind: ExplainKind, dests: readonly Dest[], winner: Dest | undefined, rule: string, aux?: Dest): this {
    this.kind = kind;
    this.dests = dests;
    this.winnerDest = winner;
    this.auxDest = aux;
    this.rule = rule;
    this.shape = NO_PARAMS;
    return this;
  }

  /** The parameters, in the shape's key order (up to six). */
  with(
    shape: ParamShape,
    a: ParamValue = 0,
    b: ParamValue = 0,
    c: ParamValue = 0,
    d: ParamValue = 0,
    e: ParamValue = 0,
    f: ParamValue = 0,
  ): this {
    this.shape = shape;
    const v = this.values;
    v[0] = a;
    v[1] = b;
    v[2] = c;
    v[3] = d;
    v[4] = e;
    v[5] = f;
    return this;
  }

  /**
   * The decision and its explanation: this Recording itself for a reusable one (the trace packs
   * it at once), else a snapshot (lazy) or the plain explanation.
   */
  done(lazy: boolean | undefined): ScheduleResult {
    if (!this.reused) {
      const s = this.snapshot();
      return { dest: this.winnerDest, explanation: lazy ? s : s.toJSON() };
    }
    this.out.dest = this.winnerDest;
    return this.out;
  }

  packedSize(): number {
    return PARTS + this.shape.keys.length;
  }

  /**
   * Parts: kind, rule and shape in one number, winner index, aux index, the counters' block and
   * offset (copied there, STRIDE per dest: a few words to write instead of one slot per counter),
   * the winner's key when it is not in the list, the list copy, then the parameter values.
   */
  pack(w: PackWriter): void {
    const dests = this.dests;
    const wi = this.winnerDest ? dests.indexOf(this.winnerDest) : -1;
    const offset = copyCounters(dests);
    w.num(this.kind.id | (ruleId(this.rule) << 8) | (this.shape.id << 16));
    w.num(wi);
    w.num(this.auxDest ? dests.indexOf(this.auxDest) : -1);
    w.ref(block);
    w.num(offset);
    w.any(wi < 0 && this.winnerDest ? this.winnerDest.key : null);
    w.ref(listCopy(dests));
    const v = this.values;
    for (let i = 0; i < this.shape.keys.length; i++) w.any(v[i]);
  }

  private params(): Params {
    const p: Params = {};
    const keys = this.shape.keys;
    for (let i = 0; i < keys.length; i++) p[keys[i]!] = this.values[i]!;
    return p;
  }

  /** The explanation as the dests stand now, kept apart from them (their counters copied). */
  snapshot(): RecordedExplanation {
    const dests = this.dests;
    const offset = copyCounters(dests);
    const copy = listCopy(dests);
    return new RecordedExplanation({
      scheduler: this.kind.scheduler,
      judge: this.kind.judge,
      rule: this.rule,
      params: this.params(),
      winner: this.winnerDest?.key ?? null,
      winnerIndex: this.winnerDest ? copy.indexOf(this.winnerDest) : -1,
      auxIndex: this.auxDest ? copy.indexOf(this.auxDest) : -1,
      dests: copy,
      counters: block,
      offset,
    });
  }

  /** Read as an Explanation (only until the next decision): what a snapshot now says. */
  toJSON(): Explanation {
    return this.snapshot().toJSON();
  }
}

/** A trace record's parts (after the codec id) back into an explanation, derived when read. */
function unpack(parts: readonly unknown[], from: number): RecordedExplanation {
  const part = (k: number): unknown => parts[from + k];
  const meta = part(0) as number;
  const kind = kinds[meta & (CODES - 1)]!;
  const winnerIndex = part(1) as number;
  const dests = part(6) as readonly Dest[];
  const params: Params = {};
  let k = from + PARTS;
  for (const key of shapes[meta >>> 16]!.keys) params[key] = parts[k++] as ParamValue;
  return new RecordedExplanation({
    scheduler: kind.scheduler,
    judge: kind.judge,
    rule: rules[(meta >>> 8) & (CODES - 1)]!,
    params,
    winner: winnerIndex >= 0 ? dests[winnerIndex]!.key : (part(5) as string | null),
    winnerIndex,
    auxIndex: part(2) as number,
    dests,
    counters: part(3) as Int32Array,
    offset: part(4) as number,
  });
}

const RECORDING_CODEC = packedCodec(unpack);

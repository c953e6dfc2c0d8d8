import type { Dest } from '../types';
import { destEpoch } from './countedDest';
import { CounterJournal, packFlags, SNAP } from './counterJournal';

/**
 * The counters a decision compared, as its record keeps them (explain.ts RecordedExplanation): a
 * block of counters (a list journal's chunk, or a block of the decision's own) and the end of the
 * decision's part of it, and the copy of the dest list the block is of.
 */

/**
 * The list copy each block of counters is of (a journal's chunk is of one copy; a block made for
 * one decision, of its): a record keeps the block, not the copy, one field less per decision.
 */
const copies = new WeakMap<Int32Array, readonly Dest[]>();
/** The block registered last: consecutive decisions on one journal share a chunk. */
let lastBlock: Int32Array | undefined;

/** The journal of each live list (counterJournal.ts), and of the list decided on last. */
const journals = new WeakMap<readonly Dest[], CounterJournal>();
let lastJournal: CounterJournal | undefined;

/**
 * The dest list as a decision saw it. Consecutive decisions on an unchanged list share one copy
 * (the live list is mutated in place when dests come and go, so it cannot be kept itself).
 * A memo of values, not host state: dropping it only costs copies.
 */
const listCopies = new WeakMap<readonly Dest[], readonly Dest[]>();

/**
 * Lists whose every change is announced (destListChanged): the engine's services, which control.ts
 * alone mutates. Their copy is reused without comparing it to the list element by element.
 */
const announced = new WeakSet<readonly Dest[]>();

/** The last list copied, its copy, and whether it is announced: most decisions are on the service decided on last. */
let lastLive: readonly Dest[] | undefined;
let lastCopy: readonly Dest[] = [];
let lastAnnounced = false;

/**
 * The dest list `live` was changed in place (a dest added or deleted): its copies are stale. From
 * then on the list counts as announced: the copy is compared with it only when it was not.
 */
export function destListChanged(live: readonly Dest[]): void {
  destEpoch.weights++;
  announced.add(live);
  listCopies.delete(live);
  if (live === lastLive) lastLive = undefined;
}

/** Whether every change of `live` is announced (destListChanged), from now on. */
export function isAnnounced(live: readonly Dest[]): boolean {
  return announced.has(live);
}

function sameList(a: readonly Dest[], b: readonly Dest[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The list as a decision on `live` sees it; `lastJournal` is then `live`'s journal. */
function listCopy(live: readonly Dest[]): readonly Dest[] {
  if (live === lastLive && lastAnnounced) return lastCopy;
  if (live !== lastLive) {
    let j = journals.get(live);
    if (j === undefined) journals.set(live, (j = new CounterJournal()));
    lastJournal = j;
  }
  let copy = live === lastLive ? lastCopy : listCopies.get(live);
  if (copy === undefined || !sameList(copy, live)) {
    copy = live.slice();
    listCopies.set(live, copy);
  }
  lastLive = live;
  lastCopy = copy;
  lastAnnounced = announced.has(live);
  return copy;
}

/** Where `recordCounters` wrote the counters down: the block, and its end for this decision. */
export const recorded = { block: new Int32Array(0), end: 0 };

/** The list copy a block of counters is of (a record's dests, as the decision saw them). */
export function listOf(block: Int32Array): readonly Dest[] {
  return copies.get(block)!;
}

/**
 * Write down the counters of `dests` for a decision (recBlock, recEnd): in the list's journal
 * when `journaled` and its dests announce their changes, else in a block of its own.
 */
export function recordCounters(dests: readonly Dest[], journaled: boolean): void {
  const copy = listCopy(dests);
  const j = lastJournal!;
  if (journaled && j.record(copy)) {
    const c = j.chunk;
    if (c !== lastBlock) copies.set((lastBlock = c), copy);
    recorded.block = c;
    recorded.end = j.used;
    return;
  }
  const m = dests.length;
  const b = new Int32Array(m * SNAP);
  for (let i = 0, k = 0; i < m; i++, k += SNAP) {
    const d = dests[i]!;
    b[k] = packFlags(d);
    b[k + 1] = d.activeconns;
    b[k + 2] = d.inactconns;
  }
  copies.set(b, copy);
  recorded.block = b;
  recorded.end = b.length;
}

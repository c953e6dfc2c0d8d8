/**
 * Ids that repeat, stored as a mark in the event's row instead of a slot of their own. A request's
 * events mostly name the packet (or frame, connection) the event before named, or the next one:
 * 61 hook passages of one packet carry the same `pkt#…`. Such an id becomes SAME or NEXT (per
 * prefix) in the row, which then recurs from request to request, and costs the event no 4-byte
 * slot. Reading needs the last id of each prefix before the event: the runs restart at every
 * checkpoint (the first id of a prefix after one is always stored), so a reader rebuilds them
 * from the checkpoint's events, and in order reads carry them along.
 */
import { VAR } from './traceRows';
import { ID } from './traceStrings';

/** Prefixes an ID slot can name (4 bits of its payload, traceStrings.ts). */
const PREFIXES = 16;
/** Mark payloads (tag VAR): the last id of prefix p, or that id + 1. VAR itself is payload 0. */
const SAME = 16;
const NEXT = 32;

/**
 * Per prefix, the last id met since the checkpoint, or -1; then (at CURSOR, readers only) where
 * the next object an event wrote begins (traceStore.ts's NESTED fields).
 */
export type IdRuns = Int32Array;
export const CURSOR = PREFIXES;
/** A row slot: the field's value is the object the event wrote next, at the runs' CURSOR. */
export const WRITTEN = (1 << 3) | VAR;

export function newIdRuns(): IdRuns {
  return new Int32Array(PREFIXES + 1).fill(-1);
}

/** Runs as they restart at a checkpoint whose events write objects from word `objs` on. */
export function restartRuns(runs: IdRuns, objs: number): void {
  runs.fill(-1);
  runs[CURSOR] = objs;
}

/** Whether row slot `x` is an id mark (to resolve with `resolveMark`), not a value, VAR or WRITTEN. */
export function isMark(x: number): boolean {
  return (x & 7) === VAR && x !== VAR && x !== WRITTEN;
}

/**
 * The row slot for ID slot `x` given the runs (a mark, or VAR: the event keeps `x` itself); the
 * runs move on to `x`.
 */
export function markFor(runs: IdRuns, x: number): number {
  const m = peekMark(runs, x);
  runs[(x >> 3) & (PREFIXES - 1)] = x >>> 7;
  return m;
}

/** What `markFor` would give ID slot `x` now, without moving the runs. */
export function peekMark(runs: IdRuns, x: number): number {
  const p = (x >> 3) & (PREFIXES - 1);
  const id = x >>> 7;
  const last = runs[p]!;
  if (last === id) return ((SAME | p) << 3) | VAR;
  if (last >= 0 && last + 1 === id) return ((NEXT | p) << 3) | VAR;
  return VAR;
}

/** The prefix index an id mark is about. */
export function markPrefix(m: number): number {
  return (m >>> 3) & (PREFIXES - 1);
}

/** The ID slot mark `m` stands for; the runs move on to it. */
export function resolveMark(runs: IdRuns, m: number): number {
  const payload = m >>> 3;
  const p = payload & (PREFIXES - 1);
  const id = runs[p]! + (payload & NEXT ? 1 : 0);
  runs[p] = id;
  return (((id << 4) | p) << 3) | ID;
}

/** Moves the runs on past value slot `x` (an ID stored whole). */
export function passId(runs: IdRuns, x: number): void {
  if ((x & 7) === ID) runs[(x >> 3) & (PREFIXES - 1)] = x >>> 7;
}

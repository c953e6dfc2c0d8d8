import { hash32 } from './hash32';
import { ipv4ToU32 } from './ipv4';

/** Kernel constants shared by lblc and lblcr (times in µs, like ctx.now). */
export const CHECK_EXPIRE_INTERVAL = 60_000_000;
export const ENTRY_TIMEOUT = 360_000_000;
export const COUNT_FOR_FULL_EXPIRATION = 30;
export const LOCALITY_TAB_BITS = 10;
export const LOCALITY_TAB_SIZE = 1 << LOCALITY_TAB_BITS;
export const LOCALITY_MAX_SIZE = LOCALITY_TAB_SIZE * 16;

/**
 * The per-service cache keyed by packet destination address. A Map keeps insertion order, which
 * stands in for the kernel's "new entries at the bucket head" when the GC walks buckets.
 */
export interface LocalityTable<E extends { lastuse: number }> {
  entries: Map<string, E>;
  /** tbl->entries as the kernel counts it (lblc's replace path adds one without removing one). */
  count: number;
  /** Ticks since the last full expiration check. */
  counter: number;
  /** Bucket where the last GC walk stopped. */
  rover: number;
  /** Virtual time of the next GC tick; -1 until the first decision starts the timer. */
  nextTick: number;
}

export function createLocalityTable<E extends { lastuse: number }>(): LocalityTable<E> {
  return { entries: new Map(), count: 0, counter: 1, rover: 0, nextTick: -1 };
}

/** Full check: drop every entry idle for at least the expiration. */
function fullCheck<E extends { lastuse: number }>(
  t: LocalityTable<E>,
  now: number,
  expiration: number,
): void {
  for (const [key, e] of t.entries) {
    if (now < e.lastuse + expiration) continue;
    t.entries.delete(key);
    t.count--;
  }
}

/** Entry keys per hash bucket, newest first, as hlist_add_head leaves them. */
function bucketsOf<E>(entries: Map<string, E>): Map<number, string[]> {
  const buckets = new Map<number, string[]>();
  for (const key of entries.keys()) {
    const b = hash32(ipv4ToU32(key), LOCALITY_TAB_BITS);
    const list = buckets.get(b);
    if (list) list.unshift(key);
    else buckets.set(b, [key]);
  }
  return buckets;
}

/** Over max_size: walk buckets from the rover, dropping entries idle ≥ 6 min, until goal is met. */
function partialCheck<E extends { lastuse: number }>(t: LocalityTable<E>, now: number): void {
  let goal = Math.min(Math.trunc(((t.count - LOCALITY_MAX_SIZE) * 4) / 3), LOCALITY_MAX_SIZE / 2);
  const buckets = bucketsOf(t.entries);
  let j = t.rover;
  for (let i = 0; i < LOCALITY_TAB_SIZE; i++) {
    j = (j + 1) & (LOCALITY_TAB_SIZE - 1);
    for (const key of buckets.get(j) ?? []) {
      const e = t.entries.get(key);
      if (e === undefined || now < e.lastuse + ENTRY_TIMEOUT) continue;
      t.entries.delete(key);
      t.count--;
      goal--;
    }
    if (goal <= 0) break;
  }
  t.rover = j;
}

/** Whether runLocalityGc has anything to do at `now`: the timer is not started, or a tick is due. */
export function gcDue(t: LocalityTable<{ lastuse: number }>, now: number): boolean {
  return t.nextTick < 0 || t.nextTick <= now;
}

/**
 * Catch the periodic GC timer (every 60 s) up to `now`: every 30th tick a full expiration check;
 * other ticks only count, unless the table holds more than max_size entries. Runs of idle ticks
 * are skipped arithmetically so a long quiet spell costs nothing.
 */
export function runLocalityGc<E extends { lastuse: number }>(
  t: LocalityTable<E>,
  now: number,
  expiration: number,
): void {
  if (t.nextTick < 0) {
    t.nextTick = now + CHECK_EXPIRE_INTERVAL;
    return;
  }
  while (t.nextTick <= now) {
    const tick = t.nextTick;
    if (t.counter % COUNT_FOR_FULL_EXPIRATION === 0) {
      fullCheck(t, tick, expiration);
      t.counter = 1;
    } else if (t.count <= LOCALITY_MAX_SIZE) {
      const due = Math.floor((now - tick) / CHECK_EXPIRE_INTERVAL) + 1;
      const step = Math.max(1, Math.min(due, COUNT_FOR_FULL_EXPIRATION - t.counter));
      t.counter += step;
      t.nextTick = tick + step * CHECK_EXPIRE_INTERVAL;
      continue;
    } else {
      partialCheck(t, tick);
    }
    t.nextTick = tick + CHECK_EXPIRE_INTERVAL;
  }
}

import { describe, expect, it } from 'vitest';
import {
  CHECK_EXPIRE_INTERVAL,
  createLocalityTable,
  ENTRY_TIMEOUT,
  gcDue,
  LOCALITY_MAX_SIZE,
  runLocalityGc,
} from './localityTable';

const MIN = CHECK_EXPIRE_INTERVAL;

describe('locality table GC', () => {
  it('starts the 60 s timer at the first decision', () => {
    const t = createLocalityTable<{ lastuse: number }>();
    runLocalityGc(t, 5_000_000, 1);
    expect(t.nextTick).toBe(5_000_000 + MIN);
  });

  it('gcDue: true exactly when runLocalityGc has work (timer unstarted, or a tick due)', () => {
    const t = createLocalityTable<{ lastuse: number }>();
    expect(gcDue(t, 0)).toBe(true);
    runLocalityGc(t, 0, 1);
    for (const now of [0, MIN - 1]) {
      expect(gcDue(t, now)).toBe(false);
      const before = { ...t };
      runLocalityGc(t, now, 1);
      expect(t).toEqual(before);
    }
    expect(gcDue(t, MIN)).toBe(true);
    runLocalityGc(t, MIN, 1);
    expect([gcDue(t, MIN), t.nextTick]).toEqual([false, 2 * MIN]);
  });

  it('counts quiet ticks and runs a full check every 30th, even across long gaps', () => {
    const t = createLocalityTable<{ lastuse: number }>();
    runLocalityGc(t, 0, 1);
    t.entries.set('10.0.0.1', { lastuse: 0 });
    t.count = 1;
    runLocalityGc(t, 29 * MIN, 1);
    expect([t.counter, t.entries.size]).toEqual([30, 1]);
    runLocalityGc(t, 30 * MIN, 1);
    expect([t.counter, t.entries.size, t.count]).toEqual([1, 0, 0]);
    runLocalityGc(t, 1000 * MIN + 7, 1);
    expect(t.nextTick).toBe(1001 * MIN);
    expect(t.counter).toBe(((1000 - 30) % 30) + 1);
  });

  it('over max_size: partial GC of entries idle ≥ 6 min, bucket by bucket, until the goal', () => {
    const t = createLocalityTable<{ lastuse: number }>();
    runLocalityGc(t, 0, 86_400_000_000);
    const extra = 300;
    for (let i = 0; i < LOCALITY_MAX_SIZE + extra; i++) {
      t.entries.set(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, {
        lastuse: i % 2 === 0 ? -ENTRY_TIMEOUT : MIN,
      });
    }
    t.count = t.entries.size;
    runLocalityGc(t, MIN, 86_400_000_000);
    const removed = LOCALITY_MAX_SIZE + extra - t.entries.size;
    expect(removed).toBeGreaterThanOrEqual(Math.trunc((extra * 4) / 3));
    expect(removed).toBeLessThan(LOCALITY_MAX_SIZE / 2);
    expect(t.count).toBe(t.entries.size);
    expect(t.counter).toBe(1); // no increment while over max_size
    expect(t.rover).toBeGreaterThan(0);
  });
});

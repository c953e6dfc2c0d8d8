import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { settledThrottle } from './settledThrottle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.runAllTimers();
  vi.useRealTimers();
});

test('the first offer writes at once, offers within the interval make one write at its end', () => {
  let writes = 0;
  const w = settledThrottle(200, () => writes++);
  w.offer();
  expect(writes).toBe(1);
  for (let i = 0; i < 10; i++) {
    vi.advanceTimersByTime(16);
    w.offer();
  }
  expect(writes).toBe(1);
  vi.advanceTimersByTime(200);
  expect(writes).toBe(2);
  // Nothing offered since: nothing more is written.
  vi.advanceTimersByTime(1000);
  expect(writes).toBe(2);
});

test('the last write reads the state as it is then, not as it was when first offered', () => {
  let state = 0;
  const seen: number[] = [];
  const w = settledThrottle(200, () => seen.push(state));
  w.offer();
  for (state = 1; state <= 5; state++) w.offer();
  state = 5;
  vi.advanceTimersByTime(250);
  expect(seen).toEqual([0, 5]);
});

test('now() writes at once and drops the write waiting; cancel() drops it', () => {
  let writes = 0;
  const w = settledThrottle(200, () => writes++);
  w.offer();
  w.offer();
  w.now();
  expect(writes).toBe(2);
  vi.advanceTimersByTime(500);
  expect(writes).toBe(2);
  // Offered within the interval after a write: it waits, and is dropped.
  w.now();
  w.offer();
  w.cancel();
  vi.advanceTimersByTime(500);
  expect(writes).toBe(3);
});

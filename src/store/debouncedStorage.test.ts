// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createDebouncedStorage } from './debouncedStorage';

/** A localStorage that records every write. */
function recordingStorage(writes: [string, string][]): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (k) => items.get(k) ?? null,
    key: () => null,
    removeItem: (k) => void items.delete(k),
    setItem: (k, v) => {
      writes.push([k, v]);
      items.set(k, v);
    },
  };
}

let writes: [string, string][] = [];
beforeEach(() => {
  vi.useFakeTimers();
  writes = [];
  vi.stubGlobal('localStorage', recordingStorage(writes));
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const value = (cursor: number) => ({ state: { cursor }, version: 0 });

describe('debounced storage: saved when the state rests, never more than 2 s late', () => {
  test('one change is written once, delayMs after it', () => {
    const s = createDebouncedStorage<{ cursor: number }>(250);
    s.setItem('k', value(1));
    vi.advanceTimersByTime(249);
    expect(writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(writes).toEqual([['k', JSON.stringify(value(1))]]);
  });

  test('a state changing every frame is written at most every 2 s, and its last value once it rests', () => {
    const s = createDebouncedStorage<{ cursor: number }>(250);
    for (let frame = 0; frame < 300; frame++) {
      s.setItem('k', value(frame));
      vi.advanceTimersByTime(16);
    }
    // 300 frames of 16 ms: 4.8 s of changes, so two writes forced by the 2 s bound, not one per 250 ms.
    expect(writes.length).toBe(2);
    vi.advanceTimersByTime(250);
    expect(writes.length).toBe(3);
    expect(writes.at(-1)).toEqual(['k', JSON.stringify(value(299))]);
    vi.advanceTimersByTime(5000);
    expect(writes.length).toBe(3);
  });

  test('the page hiding writes what is pending at once', () => {
    const s = createDebouncedStorage<{ cursor: number }>(250);
    s.setItem('k', value(7));
    window.dispatchEvent(new Event('pagehide'));
    expect(writes).toEqual([['k', JSON.stringify(value(7))]]);
  });
});

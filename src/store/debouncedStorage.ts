import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { setAside } from './corruptSaves';
import { readItem, removeItem, writeItem } from './safeStorage';

/**
 * localStorage for zustand's persist, with writes coalesced: playback changes the cursor up to
 * 60 times a second and only the latest state matters. The value is kept as an object and
 * stringified only when written (when it rests for `delayMs`, at most MAX_WAIT_MS late, and when the page is hidden or
 * unloaded, so a reload never loses the last step).
 */
export interface DetachableStorage<S> extends PersistStorage<S> {
  /** From now on nothing is written (another tab owns the saved work); unwritten values are dropped. */
  detach(): void;
}

/** The longest a state that keeps changing waits to be written (ms). */
const MAX_WAIT_MS = 2000;

export function createDebouncedStorage<S>(delayMs = 250): DetachableStorage<S> {
  const pending = new Map<string, StorageValue<S>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let detached = false;
  let since: number | undefined;
  let changed = 0;
  const wake = () => {
    const wait = Math.min(changed + delayMs, (since ?? changed) + MAX_WAIT_MS) - Date.now();
    if (wait > 0) timer = setTimeout(wake, wait);
    else flush();
  };
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    since = undefined;
    for (const [k, v] of pending) writeItem(k, JSON.stringify(v));
    pending.clear();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
  }
  return {
    getItem: (k) => {
      const p = pending.get(k);
      if (p) return p;
      const raw = readItem(k);
      if (!raw) return null;
      try {
        return JSON.parse(raw) as StorageValue<S>;
      } catch {
        // Not even JSON: kept whole for download (corruptSaves.ts) before a save overwrites it.
        setAside([{ labId: 'unknown', slot: 'whole', raw }]);
        return null;
      }
    },
    setItem: (k, v) => {
      if (detached) return;
      pending.set(k, v);
      // Written once the state rests for delayMs, and at the latest MAX_WAIT_MS after the first
      // unwritten change: playback changes the cursor every frame. One timer, moved on when it
      // fires early, not one per change.
      changed = Date.now();
      since ??= changed;
      if (timer === undefined) timer = setTimeout(wake, delayMs);
    },
    removeItem: (k) => {
      pending.delete(k);
      if (!detached) removeItem(k);
    },
    detach: () => {
      detached = true;
      pending.clear();
    },
  };
}

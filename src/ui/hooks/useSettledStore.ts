import { useCallback, useSyncExternalStore } from 'react';
import type { AppState } from '@/store/types';
import { useStoreApi } from '@/store/useAppStore';
import { settledThrottle } from './settledThrottle';

/** How often at most a text view follows a value that changes every animation frame (ms). */
export const SETTLE_MS = 200;

/**
 * A store selection that re-renders at most every `ms` while it keeps changing (the first change
 * at once, the last one always): for text that nobody can read at 60 changes a second (the
 * event list's row, the inspector, the words for screen readers), so playback and scrubbing
 * redraw the animated layers every frame and these only a few times a second, one view per
 * frame (settlePump). The selector must
 * return a primitive or the same object for the same state.
 */
export function useSettledStore<T>(selector: (s: AppState) => T, ms = SETTLE_MS): T {
  const store = useStoreApi();
  const subscribe = useCallback(
    (onChange: () => void) => {
      let seen = selector(store.getState());
      const later = settledThrottle(ms, onChange);
      const off = store.subscribe((s) => {
        const v = selector(s);
        if (Object.is(v, seen)) return;
        seen = v;
        later.offer();
      });
      return () => {
        off();
        later.cancel();
      };
    },
    [store, selector, ms],
  );
  return useSyncExternalStore(subscribe, () => selector(store.getState()));
}

/** The cursor, for useSettledStore. */
export const cursorOf = (s: AppState): number => s.cursor;

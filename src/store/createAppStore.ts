import type { LabId } from '@/engine';
import { persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createDebouncedStorage } from './debouncedStorage';
import { merge, partialize } from './persistence';
import type { PersistedState } from './persistence';
import { getRuntime } from './runtimeCache';
import { createLabSlice } from './slices/labSlice';
import { createLiveSlice } from './slices/liveSlice';
import { createPlaybackSlice, timeAtCursor } from './slices/playbackSlice';
import { createPrefsSlice } from './slices/prefsSlice';
import { createSelectionSlice } from './slices/selectionSlice';
import type { AppState } from './types';

export type AppStore = StoreApi<AppState>;

export interface StoreOptions {
  /** localStorage key; null keeps the store in memory (tests, embeds). */
  persistKey?: string | null;
  /** The lab to open when nothing was saved. */
  labId?: LabId;
  /** Start paused: sending a request moves the cursor but does not play. */
  startPaused?: boolean;
}

function combined(set: StoreApi<AppState>['setState'], get: () => AppState, api: AppStore): AppState {
  return {
    ...createLabSlice(set, get, api),
    ...createLiveSlice(set, get, api),
    ...createPlaybackSlice(set, get, api),
    ...createSelectionSlice(set, get, api),
    ...createPrefsSlice(set, get, api),
  };
}

/** Bring the cursor inside the trace the (replayed) spec produces. */
function settle(store: AppStore): void {
  const s = store.getState();
  const rt = getRuntime(s.spec);
  const end = rt.trace.length;
  const cursor = s.cursor < 0 || s.cursor > end ? end : s.cursor;
  store.setState({ cursor, simTime: timeAtCursor(rt.trace, cursor), playing: false });
}

/**
 * One bounded store per app (or per pane of the side-by-side view): vanilla zustand behind a
 * React context, with `persist` applied at the combined level and only to what partialize keeps.
 */
export function createAppStore(opts: StoreOptions = {}): AppStore {
  const key = opts.persistKey === undefined ? 'lvs-lab.state' : opts.persistKey;
  const store: AppStore = key
    ? createStore<AppState>()(
        persist((set, get, api) => combined(set, get, api as AppStore), {
          name: key,
          version: 1,
          storage: createDebouncedStorage<PersistedState>(),
          partialize,
          merge,
        }),
      )
    : createStore<AppState>()((set, get, api) => combined(set, get, api));
  if (opts.startPaused !== undefined) store.setState({ startPaused: opts.startPaused });
  if (opts.labId && store.getState().spec.labId !== opts.labId) store.getState().loadLab(opts.labId);
  settle(store);
  return store;
}

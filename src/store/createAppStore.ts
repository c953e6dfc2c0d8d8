import type { LabId } from '@/engine';
import { persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import { createDebouncedStorage } from './debouncedStorage';
import { engine } from './engine';
import { merge, partialize } from './persistence';
import type { PersistedState } from './persistence';
import { defaultTransport } from './session/defaultTransport';
import type { SessionTransport } from './session/protocol';
import { traceKeepFromUrl } from './session/traceKeep';
import { SessionClient } from './session/sessionClient';
import { createLabSlice } from './slices/labSlice';
import { createLiveSlice } from './slices/liveSlice';
import { createPlaybackSlice, timeAtCursor } from './slices/playbackSlice';
import { createPrefsSlice } from './slices/prefsSlice';
import { replayTo } from './slices/replayTo';
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
  /** Where the lab's session runs; the page itself unless told otherwise. */
  transport?: SessionTransport;
}

/** Each store's own session: two stores (compare panes, two <lvs-lab>, tests) never share an engine. */
const clients = new WeakMap<AppStore, SessionClient>();

/** The session behind a store: its `view` is what the views read. */
export function sessionOf(store: AppStore): SessionClient {
  const c = clients.get(store);
  if (!c) throw new Error('store without a session');
  return c;
}

const storages = new WeakMap<AppStore, { detach(): void }>();

/**
 * This store stops writing the saved work it was loaded from (another tab of the app owns it):
 * what it does from now on lives in its own page only. Also marks the state `detached`.
 */
export function stopSaving(store: AppStore): void {
  storages.get(store)?.detach();
  store.setState({ detached: true });
}

/** The store is done with (a link's pane closed, a test over): its engine goes with it. */
export function disposeAppStore(store: AppStore): void {
  clients.get(store)?.dispose();
  clients.delete(store);
}

function combined(client: SessionClient) {
  return (set: StoreApi<AppState>['setState'], get: () => AppState, api: AppStore): AppState => ({
    ...createLabSlice(client)(set, get, api),
    ...createLiveSlice(client)(set, get, api),
    ...createPlaybackSlice(client)(set, get, api),
    ...createSelectionSlice(set, get, api),
    ...createPrefsSlice(set, get, api),
  });
}

/** Run the (saved) spec in the session and bring the cursor inside the trace it produces. */
function settle(store: AppStore, client: SessionClient): void {
  const s = store.getState();
  const want = s.cursor;
  replayTo(client, store.setState, s.spec, (spec) => {
    const trace = client.view.trace;
    const end = trace.length;
    const cursor = want < 0 || want > end ? end : want;
    store.setState({ spec, cursor, simTime: timeAtCursor(trace, cursor), playing: false });
  });
}

/**
 * One bounded store per app (or per pane of the side-by-side view): vanilla zustand behind a
 * React context, with `persist` applied at the combined level and only to what partialize
 * keeps, and its own LabSession that holds the engine.
 */
export function createAppStore(opts: StoreOptions = {}): AppStore {
  const key = opts.persistKey === undefined ? 'lvs-lab.state' : opts.persistKey;
  const storage = createDebouncedStorage<PersistedState>();
  const client = new SessionClient(opts.transport ?? defaultTransport(), engine().getLab('nat')!);
  const make = combined(client);
  const store: AppStore = key
    ? createStore<AppState>()(
        persist((set, get, api) => make(set, get, api as AppStore), {
          name: key,
          version: 1,
          storage,
          partialize,
          merge,
        }),
      )
    : createStore<AppState>()((set, get, api) => make(set, get, api));
  clients.set(store, client);
  if (key) storages.set(store, storage);
  client.onEvent((e) => {
    if (e.type === 'progress') store.setState({ replay: { done: e.done, total: e.total } });
  });
  if (opts.startPaused !== undefined) store.setState({ startPaused: opts.startPaused });
  // The mirror keeps full trace detail from the cursor on (a long session lets go of older detail).
  store.subscribe((s, prev) => {
    if (s.cursor !== prev.cursor) client.hold(s.cursor);
  });
  const keep = traceKeepFromUrl(typeof location === 'undefined' ? '' : location.search);
  if (keep !== undefined) client.request({ type: 'bound', keep });
  settle(store, client);
  if (opts.labId && store.getState().spec.labId !== opts.labId) store.getState().loadLab(opts.labId);
  return store;
}

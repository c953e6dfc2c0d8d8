import type { LabId } from '@/engine';
import type { UrlParams } from '@/embed/urlParams';
import { createAppStore } from '@/store/createAppStore';
import { sessionOf } from '@/store/createAppStore';
import type { AppStore } from '@/store/createAppStore';
import type { LabSpec } from '@/store/labSpec';
import { decodeLab, linkCursor, runnableSpec } from '@/store/share';
import { whenOpen } from '@/store/whenOpen';
import type { Route } from '../router/route';
import { decideBoot } from './decideBoot';
import { guardMainTab } from './guardMainTab';
import type { OwnUrl, SessionMode } from './decideBoot';

/** The store a page works in, and what kind of session it is. */
export interface Session {
  /** Changes when the page must get a different store (React remounts under a new key). */
  key: string;
  store: AppStore;
  mode: SessionMode;
  labId: LabId;
}

let main: AppStore | undefined;
/** Fields a later version put in a link (a lesson, …): written back unchanged with the lab. */
const extras = new WeakMap<AppStore, Record<string, unknown>>();

export function sharedExtra(store: AppStore): Record<string, unknown> | undefined {
  return extras.get(store);
}

const extraListeners = new WeakMap<AppStore, Set<() => void>>();

/** Put (or, with undefined, remove) one optional field of the lab's share string, e.g. a lesson. */
export function setSharedExtra(store: AppStore, key: string, value: unknown): void {
  const next = { ...extras.get(store) };
  if (value === undefined) delete next[key];
  else next[key] = value;
  extras.set(store, next);
  for (const l of extraListeners.get(store) ?? []) l();
}

/** Be told when setSharedExtra changed the store's optional fields; returns a stop function. */
export function onSharedExtra(store: AppStore, listener: () => void): () => void {
  const set = extraListeners.get(store) ?? new Set();
  extraListeners.set(store, set);
  set.add(listener);
  return () => set.delete(listener);
}
let opened = 0;

/** The student's own store, saved in localStorage: created once per page, on first use. */
function mainStore(): AppStore {
  main ??= createAppStore({});
  return main;
}

let guarded = false;

/** The main store, now that the page works in it: from here on it watches for other tabs. */
function usedMainStore(): AppStore {
  const store = mainStore();
  if (!guarded) guardMainTab(store);
  guarded = true;
  return store;
}

function savedIn(store: AppStore) {
  return (labId: LabId): LabSpec | undefined => {
    const s = store.getState();
    if (s.spec.labId === labId) return s.spec;
    const sess = s.sessions[labId];
    if (!sess) return undefined;
    const { cursor: _c, ...rest } = sess;
    return { labId, ...rest };
  };
}

const OWN_KEY = 'lvs-lab.ownUrl';

/** Did the browser reload this page (F5, the reload button), rather than open an address? */
export function pageWasReloaded(): boolean {
  try {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav?.type === 'reload';
  } catch {
    return false;
  }
}

/**
 * What this tab wrote into its address bar last. A reload of a main session is its own reload
 * whatever the fragment says: the address is written debounced, so it may lag the saved work
 * by a step (a language switched just before F5), and that lag must not turn the reload into
 * opening a link.
 */
function ownUrlFor(state: string | undefined): OwnUrl | null {
  const own = readOwnUrl();
  // Only the address the page was reloaded at: a link followed later in the app is a link.
  loadedState ??= { state };
  const reloaded = loadedState.state === state && pageWasReloaded();
  if (own?.mode === 'main' && state !== undefined && reloaded) return { ...own, state };
  return own;
}

/** The share string in the address this document was loaded with (set at the first boot). */
let loadedState: { state: string | undefined } | undefined;

export function readOwnUrl(): OwnUrl | null {
  try {
    const v = JSON.parse(sessionStorage.getItem(OWN_KEY) ?? 'null') as Partial<OwnUrl> | null;
    const modes: unknown[] = ['main', 'link', 'embed'];
    return v && typeof v.state === 'string' && modes.includes(v.mode) ? (v as OwnUrl) : null;
  } catch {
    return null;
  }
}

export function writeOwnUrl(own: OwnUrl): void {
  try {
    sessionStorage.setItem(OWN_KEY, JSON.stringify(own));
  } catch {
    // Storage refused (private mode, sandboxed frame): a reload then counts as opening a link.
  }
}

/** Language, scheme, speed and auto-play from the URL; only the main session saves them. */
function applyPrefs(
  store: AppStore,
  mode: SessionMode,
  p: UrlParams,
  shared?: { language?: string; scheme?: string },
) {
  const s = store.getState();
  const language = p.lang ?? shared?.language;
  if (language === 'en' || language === 'zh-CN') {
    if (mode === 'main') s.setLanguage(language);
    else store.setState({ language });
  }
  const scheme = p.scheme ?? shared?.scheme;
  if (scheme === 'light' || scheme === 'dark' || scheme === 'projector') s.setScheme(scheme);
  if (p.speed !== undefined) s.setSpeed(p.speed);
  if (p.paused) s.setStartPaused(true);
}

function openSpec(store: AppStore, spec: LabSpec): void {
  const { labId, seed, bare, servers, clients, log } = spec;
  const size = { ...(servers ? { servers } : {}), ...(clients ? { clients } : {}) };
  store.getState().loadLab(labId, { seed, bare, log: [...log], ...size });
}

/** Open the page a route names: choose the session, open its lab, put the cursor where the URL says. */
export function bootSession(route: Route): Session {
  if (route.page !== 'lab') {
    const store = usedMainStore();
    applyPrefs(store, 'main', route.params);
    return { key: 'main', store, mode: 'main', labId: store.getState().spec.labId };
  }
  const p = route.params;
  const shared = p.state !== undefined ? decodeLab(p.state) : undefined;
  const own = ownUrlFor(p.state);
  // The main store (and its localStorage) only when the decision needs it: never for an embed.
  const boot = decideBoot(route.labId, p, shared, (id) => savedIn(mainStore())(id), own);
  // A link's session is this tab's own address from its first moment, not once the debounced
  // address-bar write comes (400 ms): a reload before that write would otherwise read the main
  // session's record and open the saved work instead of the link.
  if (boot.mode === 'link' && p.state !== undefined) writeOwnUrl({ state: p.state, mode: 'link' });
  const store =
    boot.mode === 'main' ? usedMainStore() : createAppStore({ persistKey: null, labId: boot.labId });
  const s = store.getState();
  // A reloaded main session keeps its saved preferences; a link's session has only its URL.
  const reloadMain = boot.mode === 'main' && own !== null && own.state === p.state;
  applyPrefs(store, boot.mode, p, reloadMain ? undefined : shared);
  if (boot.spec) {
    const { spec, dropped } = runnableSpec(boot.spec);
    // A log the engine cannot replay opens the lab with an empty log (and says so).
    openSpec(store, spec);
    if (shared?.extra) extras.set(store, shared.extra);
    whenOpen(store, () => {
      const trace = sessionOf(store).view.trace;
      store.getState().seek(linkCursor(trace, { cursor: shared?.cursor, at: p.at, step: p.step }));
      if (dropped > 0) store.getState().showNotice('notice.unknownHosts', { count: dropped });
    });
  } else {
    if (s.spec.labId !== boot.labId) s.loadLab(boot.labId);
    if (p.at !== undefined || p.step !== undefined)
      whenOpen(store, () => {
        const trace = sessionOf(store).view.trace;
        store.getState().seek(linkCursor(trace, { at: p.at, step: p.step }));
      });
  }
  return {
    key: boot.mode === 'main' ? 'main' : `${boot.mode}-${++opened}`,
    store,
    mode: boot.mode,
    labId: boot.labId,
  };
}

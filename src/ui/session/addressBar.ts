import { formatUrlParams } from '@/embed/urlParams';
import type { UrlParams } from '@/embed/urlParams';
import { sessionOf } from '@/store/createAppStore';
import type { AppStore } from '@/store/createAppStore';
import { encodeLab } from '@/store/share';
import { whenIdle } from '@/ui/model/idleTask';
import type { SessionMode } from './decideBoot';
import { onSharedExtra, sharedExtra, writeOwnUrl } from './bootSession';

/** The share string of what the store shows now: lab, log, cursor, language and scheme. */
export function shareStringOf(store: AppStore): string {
  const s = store.getState();
  const trace = sessionOf(store).view.trace;
  const extra = sharedExtra(store);
  return encodeLab(s.spec, { cursor: s.cursor, trace, language: s.language, scheme: s.scheme, extra });
}

/** The parameters a link of this lab keeps besides the state: which lab, and how it is framed. */
function kept(params: UrlParams, labId: string, embed: boolean): Partial<UrlParams> {
  const out: Partial<UrlParams> = { lab: labId };
  if (embed) {
    out.embed = true;
    if (params.panels) out.panels = params.panels;
    if (params.origin) out.origin = params.origin;
  }
  return out;
}

/** A link to this lab from the page's own address (any path, any scheme): query + fragment. */
export function linkFor(store: AppStore, params: UrlParams, opts: { embed: boolean }): string {
  const state = shareStringOf(store);
  const query = formatUrlParams({ ...kept(params, store.getState().spec.labId, opts.embed), state });
  const here = new URL(location.href);
  return here.origin === 'null' || here.protocol === 'file:'
    ? `${here.protocol}//${here.host}${here.pathname}${query}`
    : `${here.origin}${here.pathname}${query}`;
}

/**
 * The longest the address bar lags behind a lab that keeps changing (ms). history.replaceState
 * costs the page 8–15 ms of main-thread time with a crowd on the wire (measured in Chromium,
 * native work inside the call): a dropped frame each time playback or a scrub is followed. Saved
 * work (the store's storage, at most 2 s late) is what a reload of the main session reads.
 */
const MAX_WAIT_MS = 10_000;
/** The longest a due write waits for idle time (ms). */
const IDLE_WAIT_MS = 1_000;

/**
 * Keep the address bar on what the student does (history.replaceState, debounced): the query
 * string stays as the page was opened, the fragment follows the lab. Returns a stop function.
 * Nothing is written as the page hides: a reload goes to the address it had before, so the URL
 * recorded as this session's own must stay the one in the address bar (saved work, flushed by
 * the store's storage, then wins over the older fragment).
 */
export function followInAddressBar(store: AppStore, mode: SessionMode, delayMs = 400): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let since: number | undefined;
  let changed = 0;
  let last = '';
  let stopped = false;
  const write = () => {
    if (stopped) return;
    let state: string;
    try {
      state = shareStringOf(store);
    } catch {
      return; // a host the share string cannot name: leave the address as it is
    }
    if (state === last) return;
    last = state;
    history.replaceState(history.state, '', `${location.pathname}${location.search}#state=${state}`);
    // A main tab that stopped saving (another tab owns the saved work) is reloaded as a link.
    if (mode !== 'embed')
      writeOwnUrl({ state, mode: mode === 'main' && store.getState().detached ? 'link' : mode });
  };
  // Written once the lab rests for delayMs (playback moves the cursor every frame), and at the
  // latest MAX_WAIT_MS after the first change not yet written. One timer, moved on when it fires
  // early, not one per change.
  const due = () => Math.min(changed + delayMs, (since ?? changed) + MAX_WAIT_MS);
  // Written in idle time: not in the wait for a fork's reply nor before its frame (the
  // share string and replaceState are milliseconds of main-thread work the frame does not need).
  const wake = () => {
    const wait = due() - performance.now();
    timer = wait > 0 ? setTimeout(wake, wait) : undefined;
    if (wait > 0) return;
    since = undefined;
    whenIdle(write, IDLE_WAIT_MS);
  };
  const schedule = () => {
    changed = performance.now();
    since ??= changed;
    if (timer === undefined) timer = setTimeout(wake, delayMs);
  };
  const unsub = store.subscribe((s, prev) => {
    if (
      s.spec !== prev.spec ||
      s.cursor !== prev.cursor ||
      s.language !== prev.language ||
      s.scheme !== prev.scheme ||
      s.detached !== prev.detached
    ) {
      if (s.detached !== prev.detached) last = '';
      schedule();
    }
  });
  const unsubExtra = onSharedExtra(store, schedule);
  schedule();
  return () => {
    unsub();
    unsubExtra();
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}

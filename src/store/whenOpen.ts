import type { AppStore } from './createAppStore';

/**
 * Run `fn` once the store's lab is open: at once, or when a long replay (chunked, see
 * session/labSession.ts) has finished. What reads the trace after opening a lab (a link's
 * cursor) goes through here, so it never sees a lab half rebuilt.
 */
export function whenOpen(store: AppStore, fn: () => void): void {
  if (!store.getState().replay) {
    fn();
    return;
  }
  const unsub = store.subscribe((s) => {
    if (s.replay) return;
    unsub();
    fn();
  });
}

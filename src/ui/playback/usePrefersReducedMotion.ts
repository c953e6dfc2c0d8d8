import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(cb: () => void): () => void {
  const m = window.matchMedia?.(QUERY);
  m?.addEventListener('change', cb);
  return () => m?.removeEventListener('change', cb);
}

const read = () => window.matchMedia?.(QUERY).matches ?? false;

/** The user's "reduce motion" setting: playback then steps instead of gliding. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, read, () => false);
}

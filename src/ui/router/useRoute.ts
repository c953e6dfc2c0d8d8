import { useSyncExternalStore } from 'react';
import { parseRoute } from './route';
import type { Route } from './route';

const listeners = new Set<() => void>();
let current: Route | undefined;
let currentKey: string | undefined;

/**
 * The route follows the query string only: the fragment holds the share state, which the app
 * itself rewrites as the student works (history.replaceState) and reads once when a lab opens.
 */
function read(): Route {
  const key = location.search;
  if (!current || key !== currentKey) {
    current = parseRoute(location.search, location.hash);
    currentKey = key;
  }
  return current;
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  window.addEventListener('popstate', cb);
  return () => {
    listeners.delete(cb);
    window.removeEventListener('popstate', cb);
  };
}

/** Go to a page without reloading (history.pushState), or replace the current entry. */
export function navigate(to: string, replace = false): void {
  const url = new URL(to, location.href);
  if (url.href === location.href) return;
  if (replace) history.replaceState(null, '', url.href);
  else history.pushState(null, '', url.href);
  // A new query is a new page; the same query with a new fragment is a new shared state.
  currentKey = undefined;
  for (const l of listeners) l();
}

/** The current route; re-renders on navigation and on the browser's back and forward. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, read, read);
}

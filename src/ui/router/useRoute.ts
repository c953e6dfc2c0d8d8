import { useSyncExternalStore } from 'react';
import { formatRoute, parseRoute } from './route';
import type { Route } from './route';

const listeners = new Set<() => void>();
let current: Route | undefined;
let currentKey = '';

function read(): Route {
  const key = location.pathname + location.search;
  if (!current || key !== currentKey) {
    current = parseRoute(location.pathname, location.search);
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
export function navigate(to: Route | string, replace = false): void {
  const url = typeof to === 'string' ? to : formatRoute(to);
  if (url === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const l of listeners) l();
}

/** The current route; re-renders on navigation and on the browser's back and forward. */
export function useRoute(): Route {
  return useSyncExternalStore(subscribe, read, read);
}

/**
 * localStorage that may not be there. In a cross-site iframe with third-party storage blocked
 * (an LMS page, Chrome's default in some profiles), merely reading `window.localStorage` throws
 * a SecurityError; quota and private modes make writes throw. Every use goes through here, so
 * the lab then simply keeps its state in memory.
 */
export function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

export function readItem(key: string): string | null {
  try {
    return localStore()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Told when a save did not fit (the page then offers the work as a download). */
type FullListener = (key: string) => void;
const fullListeners = new Set<FullListener>();

export function onStorageFull(listener: FullListener): () => void {
  fullListeners.add(listener);
  return () => void fullListeners.delete(listener);
}

/** The browsers' names for "over quota" (Firefox's legacy one, and the old numeric codes). */
export function isQuotaError(e: unknown): boolean {
  const { name, code } = (e ?? {}) as { name?: unknown; code?: unknown };
  return (
    name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
  );
}

function tell(l: FullListener, key: string): void {
  try {
    l(key);
  } catch {
    // A listener's failure is not the save's.
  }
}

/** Save a value; false when it was not saved (full, refused, or no storage at all). */
export function writeItem(key: string, value: string): boolean {
  const store = localStore();
  if (!store) return false;
  try {
    store.setItem(key, value);
    return true;
  } catch (e) {
    // Full or refused: the value lives on in memory for this page; a full store is told.
    if (isQuotaError(e)) for (const l of [...fullListeners]) tell(l, key);
    return false;
  }
}

export function removeItem(key: string): void {
  try {
    localStore()?.removeItem(key);
  } catch {
    // Refused: nothing was saved there either.
  }
}

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

export function writeItem(key: string, value: string): void {
  try {
    localStore()?.setItem(key, value);
  } catch {
    // Full or refused: the value lives on in memory for this page.
  }
}

export function removeItem(key: string): void {
  try {
    localStore()?.removeItem(key);
  } catch {
    // Refused: nothing was saved there either.
  }
}

import { stopSaving } from '@/store/createAppStore';
import type { AppStore } from '@/store/createAppStore';
import { openTabChannel } from './tabChannel';
import { guardSavedWork } from './tabGuard';

function newTabId(): string {
  try {
    return crypto.randomUUID();
  } catch {
    return `${Date.now()}-${performance.now()}`;
  }
}

/**
 * The main store saves to localStorage, which every tab of the app shares. When another tab
 * opened it earlier, this one stops saving (its work lives on in its own address, a link
 * session's way) and says so; the other tab's saves stay as they are.
 */
export function guardMainTab(store: AppStore): void {
  const channel = openTabChannel();
  if (!channel) return;
  guardSavedWork(channel, { type: 'hello', tab: newTabId(), since: Date.now() }, () => stopSaving(store));
}

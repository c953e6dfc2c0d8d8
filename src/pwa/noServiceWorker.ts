/**
 * Stands in for vite-plugin-pwa's `virtual:pwa-register` in the builds without a service worker
 * (the single file, the test build): registering does nothing and no update ever arrives.
 */
export function registerSW(): (reloadPage?: boolean) => Promise<void> {
  return () => Promise.resolve();
}

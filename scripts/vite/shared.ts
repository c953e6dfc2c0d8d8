import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const src = fileURLToPath(new URL('../../src', import.meta.url));

/** The stub that stands in for vite-plugin-pwa's registration where there is no service worker. */
export const NO_SW = fileURLToPath(new URL('../../src/pwa/noServiceWorker.ts', import.meta.url));

/**
 * What every browser build shares: relative asset URLs (so the folder works at any path and
 * from file://) and `__LVS_TEST_API__`, true only in a build made for tests.
 */
export function baseConfig(opts: { testApi: boolean; pwa: boolean }): UserConfig {
  return {
    base: './',
    plugins: [react()],
    define: { __LVS_TEST_API__: JSON.stringify(opts.testApi) },
    resolve: {
      alias: [
        { find: '@', replacement: src },
        ...(opts.pwa ? [] : [{ find: 'virtual:pwa-register', replacement: NO_SW }]),
      ],
    },
  };
}

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

const src = fileURLToPath(new URL('../../src', import.meta.url));

/** The stub that stands in for vite-plugin-pwa's registration where there is no service worker. */
export const NO_SW = fileURLToPath(new URL('../../src/pwa/noServiceWorker.ts', import.meta.url));

/** Stands in for the session's Web Worker in a build that runs the session in the page. */
const NO_WORKER = fileURLToPath(new URL('../../src/store/session/noSessionWorker.ts', import.meta.url));
/** Stands in for the frame canvas's painting worker there: the page paints the canvas. */
const NO_CANVAS_WORKER = fileURLToPath(
  new URL('../../src/ui/topology/noFrameCanvasWorker.ts', import.meta.url),
);

/**
 * What every browser build shares: relative asset URLs (so the folder works at any path and
 * from file://) and `__LVS_TEST_API__`, true only in a build made for tests.
 */
export function baseConfig(opts: { testApi: boolean; pwa: boolean; sessionWorker?: boolean }): UserConfig {
  return {
    base: './',
    plugins: [react()],
    define: { __LVS_TEST_API__: JSON.stringify(opts.testApi) },
    // The session worker imports the engine, which code-splits: an ES module worker.
    worker: { format: 'es' },
    resolve: {
      alias: [
        ...(opts.sessionWorker === false
          ? [
              { find: /^@\/store\/session\/sessionWorkerFactory$/, replacement: NO_WORKER },
              { find: /^@\/ui\/topology\/frameCanvasWorkerFactory$/, replacement: NO_CANVAS_WORKER },
            ]
          : []),
        { find: '@', replacement: src },
        ...(opts.pwa ? [] : [{ find: 'virtual:pwa-register', replacement: NO_SW }]),
      ],
    },
  };
}

import { defineConfig, mergeConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { catalogPreloadPlugin } from './scripts/vite/catalogPreload';
import { appCspPlugin } from './scripts/vite/csp';
import { baseConfig } from './scripts/vite/shared';

/**
 * The hosted app. `vite build` writes the production folder `dist/app` (with the service worker
 * and manifest for offline use); `vite build --mode test` writes `dist/test`, the same app plus
 * the test API (window.__lvsLab) and without a service worker, which the e2e suite drives.
 */
export default defineConfig(({ mode, command }) => {
  const test = mode === 'test';
  const pwa = !test && command === 'build';
  return mergeConfig(baseConfig({ testApi: test || command === 'serve', pwa }), {
    plugins: [
      appCspPlugin(),
      catalogPreloadPlugin(),
      ...(pwa
        ? [
            VitePWA({
              registerType: 'prompt',
              injectRegister: false,
              includeAssets: ['favicon.svg'],
              manifest: {
                name: 'LVS Lab',
                short_name: 'LVS Lab',
                description: 'An interactive, deterministic visualizer for Linux Virtual Server',
                start_url: './',
                scope: './',
                display: 'standalone',
                background_color: '#ffffff',
                theme_color: '#1f4e79',
                icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
              },
              workbox: {
                globPatterns: ['**/*.{js,css,html,svg,json,webmanifest}'],
                maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
                // Query strings carry the app's navigation: any ?lab=… is the same index.html.
                ignoreURLParametersMatching: [/.*/],
                navigateFallback: null,
              },
            }),
          ]
        : []),
    ],
    server: { port: 5173, strictPort: false },
    preview: { port: 4173 },
    build: {
      outDir: test ? 'dist/test' : 'dist/app',
      sourcemap: true,
      emptyOutDir: true,
      rolldownOptions: {
        output: {
          // The bundler's own helpers get a chunk of their own: left to chance they join a big
          // lazy chunk (the engine), which every static importer of a helper then loads first.
          codeSplitting: { groups: [{ name: 'rolldown-runtime', test: /rolldown[\\/:]runtime/ }] },
        },
      },
    },
  });
});

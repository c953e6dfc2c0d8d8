import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * `lvs-lab-embed.js`, the `<lvs-lab>` web component, as one ES module written next to the app's
 * index.html in dist/app (run after the app build: it must not empty that folder). The script
 * finds the app relative to its own URL, so the pair can be copied anywhere together.
 */
export default defineConfig({
  base: './',
  publicDir: false,
  resolve: { alias: [{ find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) }] },
  build: {
    outDir: 'dist/app',
    emptyOutDir: false,
    target: 'es2022',
    sourcemap: false,
    lib: {
      entry: fileURLToPath(new URL('./src/embed/lvsLabEmbed.ts', import.meta.url)),
      formats: ['es'],
      fileName: () => 'lvs-lab-embed.js',
    },
  },
});

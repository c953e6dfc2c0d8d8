import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the headless runner for Node: `node dist/cli/lvs-lab.js`. */
export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    ssr: 'src/cli/lvs-lab.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'lvs-lab.js', format: 'es' } },
  },
});

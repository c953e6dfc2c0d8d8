import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Code above the engine reaches it through engine(): load it before every file.
    setupFiles: ['src/store/engineTestSetup.ts'],
    // Engine tests are pure; UI tests opt into jsdom with a file comment.
    // A hang check, not a benchmark: the fuzz files take 10–20 s alone on 2 busy cores.
    testTimeout: 60000,
  },
});

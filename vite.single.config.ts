import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, mergeConfig } from 'vite';
import type { Plugin } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { inlineScriptHashes, singleFileCsp } from './scripts/vite/csp';
import { baseConfig } from './scripts/vite/shared';

const OUT = 'dist';
const FILE = 'lvs-lab.html';

/** The favicon as a data: URL, and the page's CSP with the hash of its one inline script. */
function finishSingleFile(): Plugin {
  const icon = readFileSync('public/favicon.svg', 'utf8');
  return {
    name: 'lvs-lab:single-file-finish',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace(/href="[^"]*favicon\.svg"/, `href="data:image/svg+xml,${encodeURIComponent(icon)}"`),
    writeBundle() {
      const path = join(OUT, FILE);
      const html = readFileSync(path, 'utf8');
      const policy = singleFileCsp(inlineScriptHashes(html));
      const tag = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
      writeFileSync(path, html.replace(/<head>/i, `<head>\n    ${tag}`));
    },
  };
}

/** `dist/lvs-lab.html`: the whole app (engine, both catalogs, styles) in one file that runs from file://. */
export default defineConfig(() =>
  mergeConfig(baseConfig({ testApi: false, pwa: false, sessionWorker: false }), {
    plugins: [viteSingleFile({ outputFileName: FILE, removeViteModuleLoader: true }), finishSingleFile()],
    publicDir: false,
    build: { outDir: OUT, emptyOutDir: false, sourcemap: false },
  }),
);

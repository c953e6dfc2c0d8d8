import { createHash } from 'node:crypto';
import type { Rolldown } from 'vite';
import type { Plugin } from 'vite';
import { langPreloadScript } from './langPreloadScript';

/** Each catalog's chunk, as its source path ends. English is every language's fallback. */
const ENGLISH = /[\\/]src[\\/]i18n[\\/]locales[\\/]en\.json$/;
const CHINESE = /[\\/]src[\\/]i18n[\\/]locales[\\/]zh-CN\.json$/;

function catalogFile(bundle: Rolldown.OutputBundle | undefined, source: RegExp): string {
  const chunk = Object.values(bundle ?? {}).find(
    (c) => c.type === 'chunk' && c.facadeModuleId !== null && source.test(c.facadeModuleId),
  );
  if (!chunk) throw new Error(`catalog-preload: no chunk for ${source.source}`);
  return chunk.fileName;
}

/** The script that preloads the Chinese catalog, and its file name (named by its content). */
function langScript(bundle: Rolldown.OutputBundle | undefined): { fileName: string; source: string } {
  const source = langPreloadScript(`./${catalogFile(bundle, CHINESE)}`);
  const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
  return { fileName: `assets/lang-${hash}.js`, source };
}

/**
 * Preloads the catalogs a page needs, so that they arrive with the entry script. The sketch of
 * the topology waits for them, and the entry script can only ask for them (a dynamic import) once
 * React's DOM renderer has evaluated: ~170 ms later on a loaded machine, and a round trip of its
 * own after that. English, every page's fallback, is a `<link rel="modulepreload">` in
 * index.html; Chinese, which only some pages show, is preloaded by a small script that decides as
 * the app does (langPreloadScript.ts). Runs after Vite's HTML plugin, whose index.html names the
 * script: the file is then added with the same name.
 */
export function catalogPreloadPlugin(): Plugin {
  return {
    name: 'lvs-lab:catalog-preload',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => [
        {
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `./${catalogFile(ctx.bundle, ENGLISH)}` },
          injectTo: 'head',
        },
        {
          tag: 'script',
          attrs: { async: true, fetchpriority: 'high', src: `./${langScript(ctx.bundle).fileName}` },
          injectTo: 'head',
        },
      ],
    },
    generateBundle(_options, bundle) {
      if (!Object.keys(bundle).some((f) => f.endsWith('.html'))) return;
      this.emitFile({ type: 'asset', ...langScript(bundle) });
    },
  };
}

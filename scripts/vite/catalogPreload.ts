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
 * `tag` placed right before the page's entry module script: first of the scripts in the head, it
 * is asked for first. Last in the head, it was the seventh request of the page, behind the
 * entry, its chunks, the style sheet and the English catalog (a browser opens six connections to
 * one host over HTTP/1.1), and it arrived with the entry: in one load in two the Chinese catalog
 * it asks for came after the entry had evaluated, and the sketch waited (~20 ms on average, up to
 * ~100 ms, in Chrome traces of bench/ui's share link).
 */
export function beforeEntry(html: string, tag: string): string {
  const at = html.search(/<script\b[^>]*\btype="module"/i);
  if (at < 0) throw new Error('catalog-preload: index.html has no entry module script');
  return `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
}

/**
 * Preloads the catalogs a page needs, so that they arrive with the entry script. The sketch of
 * the topology waits for them, and the entry script can only ask for them (a dynamic import) once
 * React's DOM renderer has evaluated: ~170 ms later on a loaded machine, and a round trip of its
 * own after that. English, every page's fallback, is a `<link rel="modulepreload">` in
 * index.html; Chinese, which only some pages show, is preloaded by a small script that decides as
 * the app does (langPreloadScript.ts), placed before the entry (beforeEntry). Runs after Vite's
 * HTML plugin, whose index.html names the script: the file is then added with the same name.
 */
export function catalogPreloadPlugin(): Plugin {
  return {
    name: 'lvs-lab:catalog-preload',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => ({
        html: beforeEntry(
          html,
          `<script async fetchpriority="high" src="./${langScript(ctx.bundle).fileName}"></script>`,
        ),
        tags: [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${catalogFile(ctx.bundle, ENGLISH)}` },
            injectTo: 'head',
          },
        ],
      }),
    },
    generateBundle(_options, bundle) {
      if (!Object.keys(bundle).some((f) => f.endsWith('.html'))) return;
      this.emitFile({ type: 'asset', ...langScript(bundle) });
    },
  };
}

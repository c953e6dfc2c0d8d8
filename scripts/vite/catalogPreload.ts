import type { Plugin } from 'vite';

/** The catalog every page loads (the fallback of every language), as its source path ends. */
const ENGLISH = /[\\/]src[\\/]i18n[\\/]locales[\\/]en\.json$/;

/**
 * A `<link rel="modulepreload">` for the English catalog in index.html. The sketch of the
 * topology waits for the catalogs, and the entry script can only ask for them (a dynamic import)
 * once React's DOM renderer has evaluated: ~170 ms later on a loaded machine, and the fetch was a
 * round trip of its own after that. Preloaded, it arrives with the entry script. (A Chinese page
 * still asks for its own catalog then; English, the fallback, it needs either way.)
 */
export function catalogPreloadPlugin(): Plugin {
  return {
    name: 'lvs-lab:catalog-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (c) => c.type === 'chunk' && c.facadeModuleId !== null && ENGLISH.test(c.facadeModuleId),
        );
        if (!chunk) throw new Error('catalog-preload: no chunk for src/i18n/locales/en.json');
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}

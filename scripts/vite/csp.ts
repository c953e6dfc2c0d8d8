import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built pages, as a <meta> tag (a course site's static
 * server cannot be relied on to send headers). No 'unsafe-eval' anywhere; styles may be inline
 * (React, D3 and xterm set styles at run time); workers may come from the app or a blob.
 */
const COMMON = [
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "worker-src 'self' blob:",
];

/** index.html: every script is a file of the app; nothing inline. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  ...COMMON,
].join('; ');

/** The single file: its one inline module script, allowed by its hash and nothing else. */
export function singleFileCsp(scriptHashes: string[]): string {
  const hashes = scriptHashes.map((h) => `'sha256-${h}'`).join(' ');
  return ["default-src 'none'", `script-src ${hashes}`, "connect-src 'none'", ...COMMON].join('; ');
}

const meta = (policy: string) => `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;

function insertMeta(html: string, policy: string): string {
  return html.replace(/<head>/i, `<head>\n    ${meta(policy)}`);
}

/** Adds the app's policy to index.html (build only: the dev server injects inline scripts). */
export function appCspPlugin(): Plugin {
  return {
    name: 'lvs-lab:csp',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => insertMeta(html, APP_CSP) },
  };
}

/** The sha256 of each inline <script> of a page, as CSP wants it (base64 of the exact text). */
export function inlineScriptHashes(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/.test(m[0].slice(0, m[0].indexOf('>')))) continue;
    out.push(
      createHash('sha256')
        .update(m[1] ?? '', 'utf8')
        .digest('base64'),
    );
  }
  return out;
}

/** Runs after vite-plugin-singlefile has inlined everything: hashes the inline script into a policy. */
export function singleFileCspPlugin(fileName: string): Plugin {
  return {
    name: 'lvs-lab:single-file-csp',
    apply: 'build',
    enforce: 'post',
    generateBundle(_, bundle) {
      const page = bundle[fileName];
      if (!page || page.type !== 'asset' || typeof page.source !== 'string') return;
      page.source = insertMeta(page.source, singleFileCsp(inlineScriptHashes(page.source)));
    },
  };
}

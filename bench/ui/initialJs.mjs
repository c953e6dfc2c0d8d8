// The JavaScript a page needs before the topology is drawn, measured three ways:
//   static  — the entry script and every chunk it imports statically (before any dynamic import)
//   path    — static, plus the message catalogs (the topology is drawn once they are in; a page in
//             Chinese loads English, the fallback, too): what the build budget checks
//   fetched — every script the browser had fetched when the topology appeared (dynamic ones too)
// Both are gzipped here (level 9) from the built files, so the figure does not depend on a server.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The gzipped (and raw) size of some built files of `dist`. */
export function sizeOf(dist, files) {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = readFileSync(join(dist, f));
    raw += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  return { files: [...files], raw, gz };
}

/** The entry script and every chunk it imports statically. */
export function staticInitialJs(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const seeds = [...html.matchAll(/<script[^>]*src="(?:\.\/|\/)?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const seen = new Set();
  const queue = [...seeds];
  while (queue.length) {
    const f = queue.shift();
    if (seen.has(f)) continue;
    seen.add(f);
    const code = readFileSync(join(dist, f), 'utf8');
    // Static imports only: `import … from "./x.js"` / `import "./x.js"` (not `import("./x.js")`).
    for (const m of code.matchAll(/import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([^"']+\.js)["']/g))
      queue.push(`assets/${m[1]}`);
  }
  return sizeOf(dist, seen);
}

/** The catalog chunks (one per src/i18n/locales/*.json) the static graph imports dynamically. */
export function catalogChunks(dist, staticFiles) {
  const langs = readdirSync('src/i18n/locales')
    .filter((f) => f.endsWith('.json'))
    .map((f) => basename(f, '.json'));
  const out = new Set();
  for (const f of staticFiles) {
    const code = readFileSync(join(dist, f), 'utf8');
    for (const m of code.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g))
      if (langs.some((l) => m[1].startsWith(`${l}-`))) out.add(`assets/${m[1]}`);
  }
  if (out.size !== langs.length)
    throw new Error(`found ${out.size} catalog chunks for ${langs.length} catalogs`);
  return [...out];
}

/** The JavaScript on the path to the topology drawn: the static graph and every catalog. */
export function topologyPathJs(dist) {
  const { files } = staticInitialJs(dist);
  return sizeOf(dist, [...files, ...catalogChunks(dist, files)]);
}

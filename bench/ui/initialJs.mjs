// The JavaScript a page needs before the topology is drawn, measured two ways:
//   static  — the entry script and every chunk it imports statically (before any dynamic import)
//   fetched — every script the browser had fetched when the topology appeared (dynamic ones too)
// Both are gzipped here (level 9) from the built files, so the figure does not depend on a server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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

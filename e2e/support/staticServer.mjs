// A tiny static file server for the e2e suites: what a course site's plain web server does.
// No SPA fallback (a path that is not a file is a 404), no rewriting, no headers beyond the type.
//   node e2e/support/staticServer.mjs --port 4174 --mount /course/lvs/=dist/app --mount /examples/=examples
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

function parseArgs(argv) {
  const out = { port: 4174, host: '127.0.0.1', mounts: [] };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--port') out.port = Number(v);
    else if (k === '--host') out.host = v;
    else if (k === '--mount') {
      const eq = v.indexOf('=');
      out.mounts.push({ prefix: v.slice(0, eq), dir: resolve(v.slice(eq + 1)) });
    } else continue;
    i++;
  }
  // Longest prefix first, so /course/lvs/ wins over /.
  out.mounts.sort((a, b) => b.prefix.length - a.prefix.length);
  return out;
}

/** The file a URL path names under a mount, or null (outside every mount, or escaping it). */
export function fileFor(mounts, pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  for (const m of mounts) {
    if (!path.startsWith(m.prefix)) continue;
    const rest = normalize(path.slice(m.prefix.length)).replace(/^([/\\])+/, '');
    const file = join(m.dir, rest);
    if (file !== m.dir && !file.startsWith(m.dir + sep)) return null;
    try {
      const st = statSync(file);
      if (st.isDirectory()) {
        // A directory is served as its index.html only when the URL ends in a slash.
        if (!path.endsWith('/')) return null;
        const index = join(file, 'index.html');
        return statSync(index).isFile() ? index : null;
      }
      return st.isFile() ? file : null;
    } catch {
      return null;
    }
  }
  return null;
}

export function startStaticServer({ port, host, mounts }) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const file = req.method === 'GET' || req.method === 'HEAD' ? fileFor(mounts, url.pathname) : null;
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('404 Not Found\n');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = parseArgs(process.argv.slice(2));
  startStaticServer(opts).then(
    () => console.warn(`static server on http://${opts.host}:${opts.port}/`),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}

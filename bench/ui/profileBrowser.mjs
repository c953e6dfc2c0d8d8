// The build under DIR served on BENCH_PORT and a headless Chromium launched, for the scripts that
// take a look (profiles, frame splits) rather than report a figure. Debian's chromium where it is
// installed, else Playwright's own download (CHROMIUM_PATH overrides both).
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { startStaticServer } from '../../e2e/support/staticServer.mjs';

export async function profileBrowser(dir) {
  const port = Number(process.env.BENCH_PORT ?? 4179);
  const executablePath =
    process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const server = await startStaticServer({
    port,
    host: '127.0.0.1',
    mounts: [{ prefix: '/test/', dir: `${process.cwd()}/${dir}` }],
  });
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    // CHROMIUM_ARGS: more switches, e.g. --js-flags=--single-threaded-gc to tell GC waits from GC work.
    args: ['--no-sandbox', '--disable-gpu', ...(process.env.CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? [])],
  });
  return {
    browser,
    base: `http://127.0.0.1:${port}/test/`,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

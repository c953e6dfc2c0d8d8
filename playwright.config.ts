import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's Chromium where there is one (this workplace cannot download browser builds);
// Playwright's own download everywhere else.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

// Several suites may run at once on one machine: PW_PORT_BASE moves both servers.
const BASE = Number(process.env.PW_PORT_BASE ?? 4173);
export const APP_PORT = BASE;
export const PROD_PORT = BASE + 1;

/** The production suite: the production build under a sub-path, the single file, the embed API. */
const PROD_SPECS = ['**/hosting*.spec.ts', '**/embed*.spec.ts'];
/**
 * Specs that time the page in wall-clock milliseconds (long tasks). They run last, one at a time,
 * once the other projects are done: a second browser working beside them on a 2-core machine
 * stretches the page's tasks by the time it takes the CPU away, which measures the test runner,
 * not the page.
 */
const TIMING_SPECS = ['**/longTasks.spec.ts'];

const server = (port: number, mounts: string[]) => ({
  command: `node e2e/support/staticServer.mjs --port ${port} ${mounts.map((m) => `--mount ${m}`).join(' ')}`,
  url: `http://127.0.0.1:${port}${mounts[0]!.split('=')[0]}`,
  reuseExistingServer: !process.env.CI,
  timeout: 60_000,
});

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list']],
  use: {
    trace: 'on-first-retry',
    ...devices['Desktop Chrome'],
    // A classroom projector's 1440×900, so screenshots show the whole lab at a readable size.
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // The main suite drives the test build (it has window.__lvsLab), served at the root.
    {
      name: 'app',
      testIgnore: [...PROD_SPECS, ...TIMING_SPECS],
      use: { baseURL: `http://127.0.0.1:${APP_PORT}/` },
    },
    // The production build, as a course site hosts it: under /course/lvs/, UI and postMessage only.
    { name: 'prod', testMatch: PROD_SPECS, use: { baseURL: `http://127.0.0.1:${PROD_PORT}/course/lvs/` } },
    {
      name: 'timing',
      testMatch: TIMING_SPECS,
      dependencies: ['app', 'prod'],
      fullyParallel: false,
      use: { baseURL: `http://127.0.0.1:${APP_PORT}/` },
    },
  ],
  webServer: [
    server(APP_PORT, ['/=dist/test']),
    server(PROD_PORT, ['/course/lvs/=dist/app', '/examples/=examples', '/dist/=dist']),
  ],
});
